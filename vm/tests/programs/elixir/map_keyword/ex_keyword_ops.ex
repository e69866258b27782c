defmodule ExKeywordOps do
  def id(x), do: x

  def opts_fun(opts \\ []) do
    opts = Keyword.merge([size: 10, color: :red], opts)
    "size=#{opts[:size]} color=#{opts[:color]}"
  end

  def start do
    kw = __MODULE__.id([a: 1, b: 2, a: 3, c: 4])
    IO.inspect(Keyword.get(kw, :a))
    IO.inspect(Keyword.get(kw, :z, :none))
    IO.inspect(Keyword.get_values(kw, :a))
    IO.inspect(kw[:c])
    IO.inspect({Keyword.fetch(kw, :b), Keyword.fetch(kw, :z)})
    IO.inspect(Keyword.has_key?(kw, :c))
    IO.inspect(Keyword.keys(kw))
    IO.inspect(Keyword.values(kw))
    IO.inspect(Keyword.put(kw, :a, 9))
    IO.inspect(Keyword.put_new(kw, :a, 9))
    IO.inspect(Keyword.put_new(kw, :d, 9))
    IO.inspect(Keyword.delete(kw, :a))
    IO.inspect(Keyword.delete_first(kw, :a))
    IO.inspect(Keyword.update(kw, :a, 0, &(&1 * 10)))
    IO.inspect(Keyword.update(kw, :n, 0, &(&1 * 10)))
    IO.inspect(Keyword.update!(kw, :b, &(&1 + 1)))
    IO.inspect(Keyword.pop(kw, :a))
    IO.inspect(Keyword.pop_first(kw, :a))
    IO.inspect(Keyword.pop(kw, :zz, :dflt))
    IO.inspect(Keyword.pop_values(kw, :a))
    IO.inspect(Keyword.merge([a: 1, b: 2], [b: 20, c: 30]))
    IO.inspect(Keyword.merge([a: 1, b: 2], [b: 20, c: 30], fn _k, v1, v2 -> v1 + v2 end))
    IO.inspect(Keyword.take(kw, [:a, :c]))
    IO.inspect(Keyword.drop(kw, [:a]))
    IO.inspect(Keyword.split(kw, [:a, :c]))
    IO.inspect(Keyword.filter(kw, fn {_, v} -> v > 1 end))
    IO.inspect(Keyword.reject(kw, fn {k, _} -> k == :a end))
    IO.inspect(Keyword.replace(kw, :b, :bb))
    IO.inspect(Keyword.replace(kw, :zz, :bb))
    IO.inspect(Keyword.get_and_update(kw, :b, fn v -> {v, v * 2} end))
    IO.inspect(Keyword.get_and_update(kw, :a, fn _ -> :pop end))
    IO.inspect(Keyword.new([{:x, 1}, {:y, 2}, {:x, 3}]))
    IO.inspect(Keyword.new([1, 2], &{:"k#{&1}", &1}))
    IO.inspect(Keyword.keyword?(kw))
    IO.inspect(Keyword.keyword?([{"a", 1}]))
    IO.inspect(Keyword.keyword?([]))
    IO.inspect(Keyword.equal?([a: 1, b: 2], [b: 2, a: 1]))
    IO.inspect(Keyword.to_list(kw))
    IO.inspect(Keyword.validate([size: 5], [:size, color: :blue]))
    IO.inspect(Keyword.validate([size: 5, bad: 1, worse: 2], [:size, color: :blue]))
    IO.inspect(Keyword.validate!([color: :green], [:size, color: :blue]))
    IO.puts(opts_fun())
    IO.puts(opts_fun(color: :green))
    IO.puts(opts_fun(size: 1, color: :blue))
    IO.inspect([if: 1, do: 2, else: 3])
    IO.inspect([{:"quoted key", 1}, {:ok?, 2}, {:"a-b", 3}])
    IO.inspect(Enum.into([a: 1, a: 2], %{}))
    IO.inspect(Keyword.merge([], []))
    try do
      Keyword.fetch!(kw, :missing)
    rescue
      e in KeyError -> IO.puts("KeyError: " <> Exception.message(e))
    end
    try do
      Keyword.validate!([oops: 1], [:size])
    rescue
      e in ArgumentError -> IO.puts("ArgumentError: " <> Exception.message(e))
    end
  end
end
