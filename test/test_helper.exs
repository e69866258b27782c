exclude =
  if AtomVM.Test.Fixture.atomvm_mirror() do
    []
  else
    IO.puts(
      "atomvm-mirror not found (ATOMVM_TEST_MIRROR, or ../shared/atomvm-mirror beside the " <>
        "repository): the tests that run on AtomVM's real library are skipped"
    )

    [:atomvm_mirror]
  end

ExUnit.start(timeout: 300_000, exclude: exclude)
