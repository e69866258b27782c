defmodule ExStringRegex do
  def id(x), do: x

  def start do
    # String functions with regexes, compiled at compile time (sigils) and at run time.
    IO.inspect(String.split("a1b22c333", ~r/\d+/))
    IO.inspect(String.split("a1b22c333", ~r/\d+/, trim: true, parts: 2))
    IO.inspect(String.split("abc", ~r//))
    IO.inspect(String.split("hello world  foo", ~r/\s+/))
    IO.inspect(String.replace("foo bar baz", ~r/ba(.)/, "<\\1>"))
    IO.inspect(String.replace("foo bar baz", ~r/ba(.)/, "\\0\\0", global: false))
    IO.inspect(String.replace("abc", ~r/x*/, "-"))
    IO.inspect(String.replace("abc", ~r/(?=b)|bc/, "-"))
    IO.inspect(String.match?("Straße", ~r/^stra(ß|ss)e$/iu))
    IO.inspect(String.split("żółw i kot", ~r/\s/u))
    IO.inspect(Regex.scan(~r/x*/, "axxb"))
    IO.inspect(Regex.scan(~r/\w+/u, "zażółć gęślą", return: :index))
    IO.inspect(Regex.scan(~r/(?<k>\w)=(?<v>\d)/, "a=1 b=2", capture: :all_names))
    IO.inspect(Regex.run(~r/(a)?(b)/, "b"))
    IO.inspect(Regex.run(~r/(a)?(b)/, "b", return: :index))
    IO.inspect(Regex.named_captures(~r/(?<a>x)|(?<b>y)/, "y"))
    IO.inspect(Regex.split(~r/-/, "a-b-c", parts: 2))
    IO.inspect(Regex.split(~r/(-)/, "a-b-c", include_captures: true, trim: true))
    IO.inspect(Regex.split(~r//, "abc", trim: true))
    IO.inspect(Regex.replace(~r/(\w)(\w)/, "abcd", "\\2\\1"))
    IO.inspect(Regex.replace(~r/\b/, "ab cd", "|"))
    IO.inspect(Regex.replace(~r/^/m, "a\nb", "> "))
    IO.inspect(Regex.replace(~r/a.c/s, "a\nc", "X"))
    IO.inspect(Regex.replace(~r/ a b /x, "ab", "X"))
    IO.inspect(Regex.run(~r/a+/U, "aaa"))
    IO.inspect(Regex.run(~r/b/f, "a\nb"))
    re = Regex.compile!(id("(?<word>[a-z]+)(?<num>\\d*)"), "i")
    IO.inspect(Regex.names(re))
    IO.inspect(Regex.named_captures(re, "Hello42"))
    IO.inspect(Regex.scan(re, "ab1 CD2 ef", capture: [:num]))
    IO.inspect(Regex.match?(Regex.recompile!(re), "x"))
    IO.inspect(Regex.source(re))
    IO.inspect(Regex.opts(re))
    IO.inspect(Regex.compile(id("a(b"), id("u")))
    IO.inspect(Regex.compile(id("["), id("")))
    IO.inspect(Regex.compile(id("a"), id("z")))
    IO.inspect(Regex.escape("1+1=2? [yes]"))
    IO.inspect(Regex.match?(Regex.compile!(Regex.escape(id("a.b"))), "axb"))
    # Exceptions whose messages are built with Regex.
    try do
      Regex.compile!(id("(?<x"))
    rescue
      e -> IO.inspect(e.__struct__)
    end

    try do
      Enum.map(id(1), & &1)
    rescue
      e -> IO.puts(Exception.message(e))
    end

    try do
      String.Chars.to_string(id({:a, "b"}))
    rescue
      e -> IO.puts(Exception.message(e))
    end
  end
end
