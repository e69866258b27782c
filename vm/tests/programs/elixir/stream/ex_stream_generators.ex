defmodule ExStreamGenerators do
  def id(x), do: x

  def start do
    IO.inspect(Stream.iterate(1, &(&1 * 3)) |> Enum.take(8))
    IO.inspect(Stream.iterate(0, &(&1 + 1)) |> Stream.drop(5) |> Enum.take(3))
    fib = Stream.unfold({0, 1}, fn {a, b} -> {a, {b, a + b}} end)
    IO.inspect(Enum.take(fib, 15))
    IO.inspect(Enum.at(fib, 100))
    IO.inspect(Stream.unfold(5, fn 0 -> nil; n -> {n, n - 1} end) |> Enum.to_list())
    IO.inspect(Stream.unfold("abc", fn "" -> nil; <<c, rest::binary>> -> {c, rest} end) |> Enum.to_list())
    IO.inspect(Stream.cycle([:r, :g, :b]) |> Enum.take(7))
    IO.inspect(Stream.cycle(1..2) |> Stream.map(&(&1 * 10)) |> Enum.take(5))
    IO.inspect(Stream.repeatedly(fn -> :same end) |> Enum.take(3))
    Process.put(:counter, 0)
    IO.inspect(Stream.repeatedly(fn -> Process.put(:counter, Process.get(:counter) + 1); Process.get(:counter) end) |> Enum.take(4))
    res =
      Stream.resource(
        fn -> IO.puts("open"); 0 end,
        fn
          n when n < 4 -> {[n, n * 10], n + 1}
          n -> {:halt, n}
        end,
        fn n -> IO.puts("close at #{n}") end
      )
    IO.inspect(Enum.to_list(res))
    IO.inspect(Enum.take(res, 3))
    IO.inspect(res |> Stream.map(&(&1 + 1)) |> Enum.take_while(&(&1 < 15)))
    IO.inspect(Stream.resource(fn -> [1, 2, 3] end, fn [] -> {:halt, []}; [h | t] -> {[h], t} end, fn _ -> :ok end) |> Enum.sum())
    lines = Stream.resource(
      fn -> ["line1\n", "line2\n", "line3\n"] end,
      fn [] -> {:halt, :done}; [l | rest] -> {[String.trim_trailing(l)], rest} end,
      fn _ -> IO.puts("closed lines") end)
    IO.inspect(Stream.with_index(lines, 1) |> Enum.map(fn {l, i} -> "#{i}:#{l}" end))
    primes =
      Stream.iterate(2, &(&1 + 1))
      |> Stream.filter(fn n -> Enum.all?(2..max(2, trunc(:math.sqrt(n))), &(n == &1 or rem(n, &1) != 0)) end)
    IO.inspect(Enum.take(primes, 15))
    collatz = fn n -> Stream.unfold(n, fn 1 -> nil; k -> next = if rem(k, 2) == 0, do: div(k, 2), else: 3 * k + 1; {k, next} end) end
    IO.inspect(Enum.to_list(collatz.(27)) |> length())
    IO.inspect(Enum.take(collatz.(6), 20))
    IO.inspect(Stream.zip(Stream.iterate(1, &(&1 + 1)), Stream.cycle([:odd, :even])) |> Enum.take(4))
    IO.inspect(Stream.unfold(1, fn n -> {n, n * 2} end) |> Stream.take_while(&(&1 < 1000)) |> Enum.to_list())
    IO.inspect(Stream.iterate([1], fn row -> Enum.zip_with([0 | row], row ++ [0], &+/2) end) |> Enum.take(7) |> List.last())
    IO.inspect(Stream.cycle([1, 2, 3]) |> Stream.scan(&+/2) |> Stream.drop(10) |> Enum.take(3))
    IO.inspect(Enum.reduce_while(Stream.iterate(1, &(&1 * 2)), 0, fn x, acc -> if x > 100, do: {:halt, acc}, else: {:cont, acc + x} end))
  end
end
