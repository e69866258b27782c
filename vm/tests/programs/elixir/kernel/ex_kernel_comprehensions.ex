defmodule ExKernelComprehensions do
  def id(x), do: x

  def start do
    n = __MODULE__.id(5)
    IO.inspect(for x <- 1..n, do: x * x)
    IO.inspect(for x <- 1..10, rem(x, 3) == 0, do: x)
    IO.inspect(for x <- 1..3, y <- [:a, :b], do: {x, y})
    IO.inspect(for x <- 1..4, y <- x..4, x + y == 5, do: {x, y})
    IO.inspect(for {k, v} <- [a: 1, b: 2, c: 3], v != 2, do: {v, k})
    IO.inspect(for {:ok, v} <- [{:ok, 1}, {:error, 2}, {:ok, 3}, :skip], do: v)
    IO.inspect(for x <- [1, 2, 3], into: %{}, do: {x, x * 10})
    IO.inspect(for {k, v} <- %{"a" => 1, "b" => 2}, into: %{}, do: {String.to_atom(k), v + 1})
    IO.inspect(for c <- ~c"hello", into: "", do: <<c - 32>>)
    IO.inspect(for x <- [3, 1, 3, 2, 1], uniq: true, do: x)
    IO.inspect(for x <- [1, 2, 3, 4], uniq: true, do: rem(x, 2))
    IO.inspect(for x <- 1..10, reduce: 0 do
      acc -> acc + x
    end)
    IO.inspect(for x <- ~w(a bb a ccc bb a), reduce: %{} do
      acc -> Map.update(acc, x, 1, &(&1 + 1))
    end)
    IO.inspect(for <<c <- "abc">>, do: c)
    IO.inspect(for <<r::8, g::8, b::8 <- <<255, 0, 0, 0, 255, 0, 1, 2, 3>> >>, do: {r, g, b})
    IO.inspect(for <<c <- "a1b2c3">>, c in ?0..?9, into: "", do: <<c>>)
    IO.inspect(for x <- [1, 2], y = x * 100, do: y + 1)
    IO.inspect(for x <- 1..3, into: [], do: -x)
    IO.inspect(for x <- [], do: x)
    IO.inspect(for i <- 1..3, j <- 1..i, do: i * 10 + j)
    IO.inspect(for x <- 1..20, rem(x, 2) == 1, rem(x, 3) == 0, do: x)
    IO.inspect(for x <- [1, 2, 3], into: MapSet.new(), do: rem(x, 2))
    IO.inspect(for s <- ["a", "b"], into: "start:", do: s <> ";")
    IO.inspect(for {a, b} <- Enum.zip(1..3, 4..6), do: a * b)
    IO.inspect(for x when x > 2 <- [1, 5, 2, 7], do: x)
    IO.inspect(for x <- 1..3, reduce: {[], 0} do
      {l, s} -> {[x | l], s + x}
    end)
    m = for i <- 1..40, into: %{}, do: {i, i * i}
    IO.inspect(map_size(m))
    IO.inspect(Enum.take(Enum.sort(Map.to_list(m)), 5))
    IO.inspect(for x <- 1..3, y <- 1..3, x < y, into: [], uniq: true, do: {min(x, y), max(x, y)})
    IO.inspect(for x <- Stream.map(1..4, &(&1 * 2)), do: x + 1)
    IO.inspect(for <<c::utf8 <- "héllo">>, do: c)
    IO.inspect(for <<_::1, bit::1 <- <<0b10110110>> >>, do: bit)
    pyth = for a <- 1..20, b <- a..20, c <- b..20, a * a + b * b == c * c, do: {a, b, c}
    IO.inspect(pyth)
  end
end
