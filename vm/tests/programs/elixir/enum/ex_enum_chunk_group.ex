defmodule ExEnumChunkGroup do
  def id(x), do: x

  def start do
    words = __MODULE__.id(~w(apple avocado banana blueberry cherry cranberry date apple banana))
    IO.inspect(Enum.group_by(words, &String.first/1))
    IO.inspect(Enum.group_by(words, &String.length/1, &String.upcase/1))
    IO.inspect(Enum.frequencies(words))
    IO.inspect(Enum.frequencies_by(words, &String.first/1))
    IO.inspect(Enum.uniq(words))
    IO.inspect(Enum.uniq_by(words, &String.length/1))
    IO.inspect(Enum.dedup([1, 1, 2, 2, 2, 1, 3, 3, 1.0, 1]))
    IO.inspect(Enum.dedup_by([{1, :a}, {2, :a}, {3, :b}, {4, :a}], fn {_, x} -> x end))
    n = __MODULE__.id(1..10)
    IO.inspect(Enum.chunk_every(n, 3))
    IO.inspect(Enum.chunk_every(n, 3, 3, :discard))
    IO.inspect(Enum.chunk_every(n, 3, 3, [:pad1, :pad2]))
    IO.inspect(Enum.chunk_every(n, 3, 2))
    IO.inspect(Enum.chunk_every(n, 2, 4))
    IO.inspect(Enum.chunk_every([], 2))
    IO.inspect(Enum.chunk_by([1, 3, 2, 4, 6, 5, 7, 8], &rem(&1, 2)))
    IO.inspect(Enum.chunk_by(~w(a b bb cc ccc d), &String.length/1))
    IO.inspect(Enum.chunk_while(1..10, [], fn x, acc ->
      if rem(x, 4) == 0, do: {:cont, Enum.reverse([x | acc]), []}, else: {:cont, [x | acc]}
    end, fn
      [] -> {:cont, []}
      acc -> {:cont, Enum.reverse(acc), []}
    end))
    IO.inspect(Enum.split_with(n, &(rem(&1, 3) == 0)))
    {pos, neg} = Enum.split_with(%{a: 1, b: -2, c: 3}, fn {_, v} -> v > 0 end)
    IO.inspect({Enum.sort(pos), Enum.sort(neg)})
    IO.inspect(Enum.with_index(~w(x y z)))
    IO.inspect(Enum.with_index(~w(x y z), 1))
    IO.inspect(Enum.with_index(~w(x y z), fn e, i -> "#{i}:#{e}" end))
    IO.inspect(Enum.scan(1..6, &+/2))
    IO.inspect(Enum.scan(1..5, 100, &(&2 - &1)))
    IO.inspect(Enum.intersperse([1, 2, 3], :sep))
    IO.inspect(Enum.intersperse([], :sep))
    IO.inspect(Enum.intersperse([:only], :sep))
    IO.inspect(Enum.slide([:a, :b, :c, :d, :e, :f], 1, 4))
    IO.inspect(Enum.slide([:a, :b, :c, :d, :e, :f], 3..4, 0))
    IO.inspect(Enum.slide([:a, :b, :c, :d, :e, :f], -1, 0))
    IO.inspect(Enum.zip([1, 2, 3], [:a, :b, :c, :d]))
    IO.inspect(Enum.zip([[1, 2], [:a, :b], ["x", "y"]]))
    IO.inspect(Enum.zip_with([1, 2, 3], [10, 20, 30], &+/2))
    IO.inspect(Enum.zip_with([[1, 2], [3, 4], [5, 6]], &Enum.sum/1))
    IO.inspect(Enum.zip_reduce([1, 2], [3, 4], 0, fn a, b, acc -> acc + a * b end))
    IO.inspect(Enum.unzip([{1, :a}, {2, :b}, {3, :c}]))
    IO.inspect(Enum.group_by([], & &1))
    IO.inspect(Enum.frequencies([]))
    IO.inspect(Enum.group_by(1..12, &rem(&1, 4)) |> Enum.sort())
    IO.inspect(Enum.reduce(words, %{}, fn w, acc -> Map.update(acc, String.length(w), [w], &[w | &1]) end))
  end
end
