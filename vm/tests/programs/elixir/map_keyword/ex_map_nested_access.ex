defmodule ExMapNestedAccess do
  def id(x), do: x

  defmodule Account do
    defstruct owner: nil, balance: 0, tags: []
  end

  def start do
    data = __MODULE__.id(%{
      users: %{
        "ann" => %{age: 30, langs: ["elixir", "erlang"], address: %{city: "Lisboa"}},
        "bob" => %{age: 25, langs: [], address: %{city: "Porto"}}
      },
      config: [depth: 2, mode: :fast]
    })
    IO.inspect(get_in(data, [:users, "ann", :age]))
    IO.inspect(get_in(data, [:users, "zed", :age]))
    IO.inspect(get_in(data, [:config, :mode]))
    IO.inspect(data[:users]["bob"][:address][:city])
    IO.inspect(data.users["ann"].address.city)
    d2 = put_in(data, [:users, "bob", :age], 26)
    IO.inspect(d2.users["bob"].age)
    d3 = put_in(data[:users]["ann"][:address][:city], "Faro")
    IO.inspect(d3.users["ann"].address)
    d4 = update_in(data, [:users, "ann", :langs], &["rust" | &1])
    IO.inspect(d4.users["ann"].langs)
    d5 = update_in(data.users["bob"].age, &(&1 * 2))
    IO.inspect(d5.users["bob"])
    {old, d6} = get_and_update_in(data, [:users, "ann", :age], &{&1, &1 + 1})
    IO.inspect({old, d6.users["ann"].age})
    {popped, d7} = pop_in(data, [:users, "bob"])
    IO.inspect({popped.age, Map.keys(d7.users)})
    {p2, d8} = pop_in(data[:config][:depth])
    IO.inspect({p2, d8.config})
    IO.inspect(get_in(%{"list" => [1, 2, 3]}, ["list", Access.at(1)]))
    IO.inspect(get_in([10, 20, 30], [Access.at(-1)]))
    IO.inspect(get_in([%{n: 1}, %{n: 2}], [Access.all(), :n]))
    IO.inspect(update_in([%{n: 1}, %{n: 2}], [Access.all(), :n], &(&1 * 10)))
    IO.inspect(get_in([%{n: 1}, %{n: 2}, %{n: 3}], [Access.filter(&(&1.n > 1)), :n]))
    IO.inspect(put_in(%{a: {1, 2, 3}}, [:a, Access.elem(1)], :two))
    IO.inspect(get_in(%{a: %{b: 1}}, [Access.key(:a), Access.key(:b)]))
    IO.inspect(get_in(%{}, [Access.key(:a, %{}), Access.key(:b, :dflt)]))
    acc = %Account{owner: "ann", balance: 10}
    IO.inspect(put_in(acc.balance, 99))
    IO.inspect(update_in(acc, [Access.key!(:tags)], &[:vip | &1]))
    IO.inspect(get_in(acc, [Access.key!(:owner)]))
    IO.inspect(%{acc | balance: acc.balance + 5})
    IO.inspect(update_in(%{a: [1, 2, 3]}, [:a, Access.at(0)], &(&1 - 100)))
    IO.inspect(pop_in(%{a: [1, 2, 3]}, [:a, Access.at(1)]))
    IO.inspect(get_in([a: [b: [c: 42]]], [:a, :b, :c]))
    IO.inspect(put_in([a: [b: 1]], [:a, :c], 2))
    IO.inspect(Access.fetch(%{x: 1}, :x))
    IO.inspect(Access.get([k: :v], :k))
    IO.inspect(get_in(%{a: nil}, [:a, :b]))
    IO.inspect(update_in(%{list: [1, 2, 3, 4]}, [:list, Access.slice(1..2)], &(&1 * 100)))
    IO.inspect(get_in(%{l: [{:a, 1}, {:b, 2}]}, [:l, Access.all(), Access.elem(0)]))
    try do
      put_in(%{a: nil}, [:a, :b], 1)
    rescue
      e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
    end
    try do
      Map.fetch!(data, :nope)
    rescue
      e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
    end
    try do
      _ = __MODULE__.id(acc).nofield
    rescue
      e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
    end
  end
end
