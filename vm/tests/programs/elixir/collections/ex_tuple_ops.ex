defmodule ExTupleOps do
  def id(x), do: x

  def start do
    t = __MODULE__.id({:a, :b, :c})
    IO.inspect(elem(t, 0))
    IO.inspect(tuple_size(t))
    IO.inspect(put_elem(t, 1, :B))
    IO.inspect(Tuple.insert_at(t, tuple_size(t), :d))
    IO.inspect(Tuple.insert_at(t, 0, :first))
    IO.inspect(Tuple.insert_at(t, 3, :last))
    IO.inspect(Tuple.delete_at(t, 1))
    IO.inspect(Tuple.duplicate(0, 4))
    IO.inspect(Tuple.duplicate(:x, 0))
    IO.inspect(Tuple.to_list(t))
    IO.inspect(List.to_tuple(Enum.to_list(1..5)))
    IO.inspect(Tuple.sum({1, 2, 3.5}))
    IO.inspect(Tuple.product({2, 3, 4}))
    IO.inspect(Tuple.sum({}))
    IO.inspect({} == Tuple.delete_at({1}, 0))
    IO.inspect({1, 2} < {1, 3})
    IO.inspect(__MODULE__.id({1, 2, 3}) > __MODULE__.id({9, 9}))
    IO.inspect({:a, 1} == {:a, 1.0})
    IO.inspect({:a, 1} === {:a, 1.0})
    {x, y, z} = t
    IO.inspect([z, y, x])
    IO.inspect(is_tuple(t) and not is_tuple([t]))
    big = List.to_tuple(Enum.to_list(1..100))
    IO.inspect(elem(big, 99))
    IO.inspect(tuple_size(big))
    IO.inspect(big |> put_elem(50, :mid) |> elem(50))
    IO.inspect(:erlang.make_tuple(3, :z))
    IO.inspect(:erlang.make_tuple(4, 0, [{2, :two}, {4, :four}]))
    IO.inspect(:erlang.append_element({1}, 2))
    IO.inspect(Enum.map([{1, 2}, {3, 4}], fn {a, b} -> a * b end))
    IO.inspect(Enum.sort([{2, :b}, {1, :z}, {2, :a}]))
    IO.inspect(Enum.map([{:ok, 1}, {:error, :bad}, {:ok, 3}], &elem(&1, 0)))
    nested = {{1, 2}, {3, {4, 5}}}
    {{_, two}, {_, {four, _}}} = nested
    IO.inspect({two, four})
    IO.inspect(elem(elem(elem(nested, 1), 1), 1))
    IO.inspect(put_elem(nested, 0, put_elem(elem(nested, 0), 1, :changed)))
    try do
      elem(__MODULE__.id(t), 5)
    rescue
      e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
    end
    try do
      Tuple.delete_at(__MODULE__.id(t), 3)
    rescue
      e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
    end
    try do
      put_elem(__MODULE__.id(t), -1, :x)
    rescue
      e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
    end
    IO.inspect(:erlang.delete_element(2, {1, 2, 3}))
    IO.inspect(:erlang.insert_element(1, {2, 3}, 1))
    IO.inspect(Tuple.to_list({}) ++ Tuple.to_list({[1]}))
  end
end
