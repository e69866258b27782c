[
  inputs: [
    "{mix,.formatter}.exs",
    "{config,lib,test,mix,bench}/**/*.{ex,exs}",
    "examples/*/{mix,.formatter}.exs",
    "examples/*/{config,lib,test}/**/*.{ex,exs}"
  ],
  # Fixture projects are generated into temporary directories by the tests.
  locals_without_parens: []
]
