defmodule ExEnumSorting do
  def id(x), do: x

  defmodule Person do
    defstruct [:name, :age]
  end

  def start do
    l = __MODULE__.id([5, 3, 8, 1, 9, 2, 8])
    IO.inspect(Enum.sort(l))
    IO.inspect(Enum.sort(l, :desc))
    IO.inspect(Enum.sort(l, :asc))
    IO.inspect(Enum.sort(l, &(&1 >= &2)))
    IO.inspect(Enum.sort([3.0, 1, 2.5, 2, -1.0e3]))
    IO.inspect(Enum.sort([1, 1.0, 1]))
    IO.inspect(Enum.sort([{2, :a}, {1, :b}, {2, :c}, {1, :a}]))
    IO.inspect(Enum.sort(["b", "B", "a", "á", "A", "ab"]))
    IO.inspect(Enum.sort([:z, :a, :"Z", :m]))
    people = [
      %Person{name: "Ann", age: 30},
      %Person{name: "bob", age: 25},
      %Person{name: "Cid", age: 30},
      %Person{name: "dee", age: 25},
      %Person{name: "Eve", age: 40}
    ]
    IO.inspect(Enum.map(Enum.sort_by(people, & &1.age), & &1.name))
    IO.inspect(Enum.map(Enum.sort_by(people, & &1.age, :desc), & &1.name))
    IO.inspect(Enum.map(Enum.sort_by(people, &{-&1.age, &1.name}), & &1.name))
    IO.inspect(Enum.map(Enum.sort_by(people, &String.downcase(&1.name), :desc), & &1.name))
    IO.inspect(Enum.map(Enum.sort_by(people, & &1.name), & &1.name))
    IO.inspect(Enum.map(Enum.sort_by(people, & &1.age, &>=/2), & &1.name))
    dates = [~D[2021-05-01], ~D[2020-12-31], ~D[2021-01-15]]
    IO.inspect(Enum.sort(dates, Date))
    IO.inspect(Enum.sort(dates, {:desc, Date}))
    IO.inspect(Enum.sort_by(["ccc", "a", "bb", "dd"], &String.length/1))
    IO.inspect(Enum.sort_by(["ccc", "a", "bb", "dd"], &String.length/1, :desc))
    IO.inspect(Enum.sort_by(%{b: 1, a: 3, c: 2}, fn {_, v} -> v end))
    IO.inspect(Enum.sort(%{b: 1, a: 3}))
    IO.inspect(Enum.sort(MapSet.new([3, 2, 1]), :desc))
    IO.inspect(Enum.sort(1..5, :desc))
    IO.inspect(Enum.sort([]))
    IO.inspect(List.keysort([{:b, 2}, {:a, 3}, {:c, 1}], 1))
    IO.inspect(List.keysort([{:b, 2}, {:a, 3}, {:c, 1}], 0))
    big = Enum.map(1..200, fn i -> rem(i * 7919, 211) end)
    sorted = Enum.sort(big)
    IO.inspect(Enum.take(sorted, 10))
    IO.inspect(Enum.take(Enum.sort(big, :desc), 10))
    IO.inspect(sorted == Enum.sort(Enum.reverse(big)))
    IO.inspect(Enum.sum(sorted))
    IO.inspect(Enum.min_max(big))
    IO.inspect(Enum.reverse(Enum.sort_by(1..10, &rem(&1, 3))))
    IO.inspect(Enum.sort_by([{1, "b"}, {0, "a"}, {1, "a"}], &elem(&1, 0)))
    IO.inspect(Enum.sort(["10", "9", "100", "1"]))
    IO.inspect(Enum.sort_by(["10", "9", "100", "1"], &String.to_integer/1))
    IO.inspect(Enum.sort([[1, 2], [1], [0, 5], []]))
    IO.inspect(Enum.sort([{1, 2, 3}, {9}, {1, 1}]))
    IO.inspect(Enum.sort([%{a: 2}, %{a: 1, b: 0}, %{b: 1}]))
  end
end
