defmodule ExStreamTransform do
  def id(x), do: x

  def running_dedup(enum) do
    Stream.transform(enum, nil, fn
      x, x -> {[], x}
      x, _ -> {[x], x}
    end)
  end

  def start do
    IO.inspect(Stream.transform(1..5, 0, fn x, acc -> {[acc + x], acc + x} end) |> Enum.to_list())
    IO.inspect(Stream.transform(1..10, 0, fn x, acc -> if acc >= 3, do: {:halt, acc}, else: {[x, x], acc + 1} end) |> Enum.to_list())
    IO.inspect(running_dedup([1, 1, 2, 2, 2, 3, 1, 1]) |> Enum.to_list())
    IO.inspect(Stream.transform([1, 2, 3], fn -> IO.puts("start"); 100 end,
      fn x, acc -> {[x + acc], acc} end,
      fn acc -> IO.puts("after #{acc}") end) |> Enum.to_list())
    IO.inspect(Stream.transform(["a b", "c", "d e f"], 0, fn line, n ->
      words = String.split(line)
      {Enum.map(words, &{n, &1}), n + 1}
    end) |> Enum.to_list())
    IO.inspect(Stream.transform(Stream.iterate(1, &(&1 + 1)), 1, fn x, acc ->
      if acc > 1000, do: {:halt, acc}, else: {[acc * x], acc * x}
    end) |> Enum.to_list())
    IO.inspect(Stream.transform(1..3, nil, fn x, _ -> {1..x, nil} end) |> Enum.to_list())
    IO.inspect(Stream.transform(1..6, [], fn x, buf ->
      buf = [x | buf]
      if length(buf) == 2, do: {[Enum.reverse(buf)], []}, else: {[], buf}
    end) |> Enum.to_list())
    IO.inspect(Stream.transform(1..4, fn -> 0 end, fn x, acc -> {[x * 2], acc + x} end,
      fn acc -> {[{:total, acc}], acc} end, fn _ -> :ok end) |> Enum.to_list())
    IO.inspect(Stream.chunk_while(1..10, [], fn x, acc ->
      if x > 1 and rem(x, 3) == 1, do: {:cont, Enum.reverse(acc), [x]}, else: {:cont, [x | acc]}
    end, fn acc -> {:cont, Enum.reverse(acc), []} end) |> Enum.to_list())
    IO.inspect(Stream.transform([[1, 2], [3], [], [4, 5, 6]], 0, fn l, n -> {l, n + length(l)} end) |> Enum.take(4))
    IO.inspect(Stream.map(1..3, &(&1 * 2)) |> Stream.transform(:ok, fn x, s -> {[x, -x], s} end) |> Enum.to_list())
    IO.inspect(Stream.transform(1..3, 0, fn x, acc -> {[x], acc + 1} end) |> Stream.take(2) |> Enum.to_list())
    IO.inspect(Enum.zip(Stream.transform(1..3, 0, fn x, a -> {[a + x], a + x} end), [:p, :q, :r]))
    IO.inspect(Stream.flat_map([1, 2], fn x -> Stream.map(1..x, &{x, &1}) end) |> Enum.to_list())
    word_stream = Stream.flat_map(["hello world", "foo"], &String.split/1)
    IO.inspect(word_stream |> Stream.map(&String.upcase/1) |> Enum.join(","))
    IO.inspect(Stream.map(["1", "2", "x", "4"], &Integer.parse/1)
      |> Stream.filter(&match?({_, ""}, &1)) |> Stream.map(&elem(&1, 0)) |> Enum.to_list())
    IO.inspect(Stream.transform(1..3, 0, fn x, acc -> {[x], acc} end) |> Stream.concat([:end]) |> Enum.to_list())
    IO.inspect(Stream.transform([], :init, fn x, acc -> {[x], acc} end) |> Enum.to_list())
  end
end
