defmodule ExEnumEnumerables do
  def id(x), do: x

  def try_it(label, f) do
    result =
      try do
        {:ok, f.()}
      rescue
        e -> {:raised, e.__struct__, Exception.message(e)}
      end
    IO.puts("#{label}: #{inspect(result)}")
  end

  def start do
    r = __MODULE__.id(1..10)
    IO.inspect(Enum.map(r, &(&1 * &1)))
    IO.inspect(Enum.to_list(10..1//-3))
    IO.inspect(Enum.to_list(1..0//1))
    IO.inspect(Enum.count(1..1_000_000))
    IO.inspect(Enum.sum(1..1_000_000))
    IO.inspect(Enum.member?(1..100//2, 51))
    IO.inspect(Enum.member?(1..100//2, 50))
    IO.inspect(Enum.at(1..100//7, 3))
    IO.inspect(Enum.slice(1..100, 10..14))
    IO.inspect(Enum.reverse(1..5))
    m = __MODULE__.id(%{c: 3, a: 1, b: 2})
    IO.inspect(Enum.count(m))
    IO.inspect(Enum.member?(m, {:a, 1}))
    IO.inspect(Enum.member?(m, :a))
    IO.inspect(Enum.reduce(m, 0, fn {_, v}, acc -> acc + v end))
    IO.inspect(Enum.sort(Enum.map(m, fn {k, v} -> "#{k}=#{v}" end)))
    IO.inspect(Enum.sort(Enum.into(m, [], fn {k, v} -> {v, k} end)))
    ms = MapSet.new([:x, :y, :z])
    IO.inspect(Enum.count(ms))
    IO.inspect(Enum.member?(ms, :y))
    IO.inspect(Enum.sort(Enum.map(ms, &Atom.to_string/1)))
    kw = [a: 1, b: 2, a: 3]
    IO.inspect(Enum.map(kw, fn {k, v} -> {k, v * 10} end))
    IO.inspect(Enum.into(kw, %{}))
    IO.inspect(Enum.to_list(Stream.map(1..3, &(&1 + 1))))
    IO.inspect(Enum.zip(1..3, Stream.cycle([:a, :b])))
    IO.inspect(Enum.take(Stream.iterate(1, &(&1 * 2)), 10))
    IO.inspect(Enum.reduce(String.graphemes("hello"), "", fn g, acc -> g <> acc end))
    IO.inspect(Enum.into(["a", "b"], MapSet.new([:z])))
    IO.inspect(Enum.into([1, 2, 3], "", &Integer.to_string/1))
    try_it("reduce empty", fn -> Enum.reduce([], &+/2) end)
    try_it("max empty", fn -> Enum.max(__MODULE__.id([])) end)
    try_it("min_max empty", fn -> Enum.min_max(__MODULE__.id([])) end)
    try_it("fetch! oob", fn -> Enum.fetch!([1, 2], 5) end)
    try_it("at on int", fn -> Enum.at(__MODULE__.id(42), 0) end)
    try_it("chunk zero", fn -> Enum.chunk_every([1], __MODULE__.id(0)) end)
    try_it("sum non-number", fn -> Enum.sum([1, __MODULE__.id(:a)]) end)
    try_it("map on map fn", fn -> Enum.map(__MODULE__.id(:not_enum), & &1) end)
    try_it("zip", fn -> Enum.zip([1, 2], [3, 4]) end)
    try_it("find nil", fn -> Enum.find([], & &1) end)
    try_it("slice neg step", fn -> Enum.slice([1, 2, 3, 4, 5], 4..0//-1) end)
    try_it("take_every 0", fn -> Enum.take_every([1, 2], 0) end)
    try_it("concat non-list", fn -> Enum.concat([[1], __MODULE__.id(:x)]) end)
    try_it("into bad", fn -> Enum.into([1], __MODULE__.id(:bad)) end)
  end
end
