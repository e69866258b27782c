defmodule ExExceptionsUncaughtBadmatch do
  def id(x), do: x

  def parse(s) do
    case Integer.parse(s) do
      {n, ""} -> {:ok, n}
      _ -> {:error, s}
    end
  end

  def start do
    for s <- ["1", "22", "x3"] do
      IO.inspect(parse(__MODULE__.id(s)))
    end
    {:ok, n} = parse(__MODULE__.id("40"))
    IO.puts("n + 2 = #{n + 2}")
    after_exit =
      try do
        exit(:caught_exit)
      catch
        :exit, r -> r
      end
    IO.inspect(after_exit)
    {:ok, m} = parse(__MODULE__.id("not a number"))
    IO.puts("never printed #{m}")
  end
end
