defmodule ExProtocolsEnumerable do
  def id(x), do: x

  defmodule Bag do
    defstruct items: %{}

    def new(list \\ []), do: Enum.into(list, %__MODULE__{})
  end

  defimpl Enumerable, for: Bag do
    def count(%{items: items}), do: {:ok, items |> Map.values() |> Enum.sum()}
    def member?(%{items: items}, x), do: {:ok, Map.has_key?(items, x)}
    def slice(_), do: {:error, __MODULE__}

    def reduce(%{items: items}, acc, fun) do
      list = items |> Enum.sort() |> Enum.flat_map(fn {k, n} -> List.duplicate(k, n) end)
      Enumerable.List.reduce(list, acc, fun)
    end
  end

  defimpl Collectable, for: Bag do
    def into(bag) do
      collector = fn
        %{items: items} = b, {:cont, x} -> %{b | items: Map.update(items, x, 1, &(&1 + 1))}
        b, :done -> b
        _, :halt -> :ok
      end
      {bag, collector}
    end
  end

  defmodule Countdown do
    defstruct from: 0
  end

  defimpl Enumerable, for: Countdown do
    def count(%{from: n}), do: {:ok, n + 1}
    def member?(%{from: n}, x), do: {:ok, is_integer(x) and x >= 0 and x <= n}

    def slice(%{from: n}) do
      {:ok, n + 1, fn start, len, step -> Enum.map(0..(len - 1), &(n - start - &1 * step)) end}
    end

    def reduce(_, {:halt, acc}, _fun), do: {:halted, acc}
    def reduce(c, {:suspend, acc}, fun), do: {:suspended, acc, &reduce(c, &1, fun)}
    def reduce(%{from: n}, {:cont, acc}, _fun) when n < 0, do: {:done, acc}
    def reduce(%{from: n} = c, {:cont, acc}, fun), do: reduce(%{c | from: n - 1}, fun.(n, acc), fun)
  end

  def start do
    bag = Bag.new(~w(b a c a b a))
    IO.inspect(bag)
    IO.inspect(Enum.to_list(bag))
    IO.inspect(Enum.count(bag))
    IO.inspect({Enum.member?(bag, "a"), Enum.member?(bag, "z")})
    IO.inspect(Enum.frequencies(bag))
    IO.inspect(Enum.map(bag, &String.upcase/1))
    IO.inspect(Enum.take(bag, 4))
    IO.inspect(Enum.at(bag, 4))
    IO.inspect(Enum.slice(bag, 1..3))
    IO.inspect(Enum.zip(bag, 1..10))
    IO.inspect(Enum.uniq(bag))
    IO.inspect(Enum.join(bag, ""))
    IO.inspect(Stream.map(bag, &(&1 <> &1)) |> Enum.take(2))
    bag2 = Enum.into(["z", "a"], bag)
    IO.inspect(bag2.items)
    bag3 = for x <- ~w(q r q), into: Bag.new(), do: x
    IO.inspect(bag3)
    IO.inspect(Enum.sort(bag3, :desc))
    c = %Countdown{from: __MODULE__.id(5)}
    IO.inspect(Enum.to_list(c))
    IO.inspect(Enum.count(c))
    IO.inspect({Enum.member?(c, 3), Enum.member?(c, 6)})
    IO.inspect(Enum.take(c, 2))
    IO.inspect(Enum.at(c, 2))
    IO.inspect(Enum.slice(c, 1..3))
    IO.inspect(Enum.reverse(c))
    IO.inspect(Enum.sum(c))
    IO.inspect(Enum.zip(c, [:a, :b, :c]))
    IO.inspect(Enum.reduce_while(c, [], fn x, acc -> if x < 3, do: {:halt, acc}, else: {:cont, [x | acc]} end))
    IO.inspect(Stream.zip(c, Stream.cycle([:x, :y])) |> Enum.to_list())
    IO.inspect(Enum.chunk_every(c, 4))
    IO.inspect(Enum.take_while(c, &(&1 > 2)))
    IO.inspect(Enum.with_index(c) |> Enum.take(2))
    IO.inspect(Enum.into(c, []))
    IO.inspect(Enum.into(c, MapSet.new()) |> MapSet.size())
    IO.inspect(for x <- c, rem(x, 2) == 0, do: x * 10)
    IO.inspect(Enum.to_list(%Countdown{from: -1}))
    IO.inspect(Enum.empty?(%Countdown{from: -1}))
    IO.inspect(Enum.max(c))
    IO.inspect(Enum.sort(c))
  end
end
