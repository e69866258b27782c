defmodule ExKernelPatternGuards do
  def id(x), do: x

  defguard is_even(n) when is_integer(n) and rem(n, 2) == 0
  defguard is_small_pos(n) when is_integer(n) and n > 0 and n < 10

  def classify(x) when is_integer(x) and x < 0, do: :neg_int
  def classify(0), do: :zero
  def classify(x) when is_even(x), do: :even
  def classify(x) when is_integer(x), do: :odd
  def classify(x) when is_float(x), do: :float
  def classify(x) when is_binary(x) and byte_size(x) > 3, do: :long_binary
  def classify(x) when is_binary(x), do: :short_binary
  def classify(x) when is_atom(x) and x in [nil, true, false], do: :special_atom
  def classify(x) when is_atom(x), do: :atom
  def classify(x) when is_list(x) and length(x) == 0, do: :empty_list
  def classify([_ | _]), do: :list
  def classify(x) when is_tuple(x) and tuple_size(x) == 2, do: :pair
  def classify(x) when is_tuple(x), do: :tuple
  def classify(%{__struct__: _}), do: :struct
  def classify(x) when is_map(x) and map_size(x) == 0, do: :empty_map
  def classify(x) when is_map_key(x, :a), do: :map_with_a
  def classify(x) when is_map(x), do: :map
  def classify(_), do: :other

  def small(x) when is_small_pos(x), do: "small #{x}"
  def small(x), do: "not small #{inspect(x)}"

  def head_tail([h | t]), do: {h, t}
  def head_tail([]), do: :empty

  def bin_parts(<<a::8, b::binary-size(2), rest::binary>>), do: {a, b, rest}
  def bin_parts(other), do: {:no, other}

  def either(x) when x == 1 or x == :one, do: :one
  def either(x) when is_list(x) when is_tuple(x), do: :container
  def either(_), do: :unknown

  def start do
    for v <- [-5, 0, 4, 7, 1.5, "abcd", "ab", nil, true, :ok, [], [1], {1, 2}, {1, 2, 3},
              %{}, %{a: 1}, %{b: 2}, 1..2] do
      IO.puts("classify #{inspect(v)} -> #{classify(__MODULE__.id(v))}")
    end

    IO.puts(small(__MODULE__.id(3)))
    IO.puts(small(__MODULE__.id(10)))
    IO.puts(small(__MODULE__.id(:x)))
    IO.inspect(head_tail(__MODULE__.id([1, 2, 3])))
    IO.inspect(head_tail(__MODULE__.id([])))
    IO.inspect(bin_parts(__MODULE__.id("hello")))
    IO.inspect(bin_parts(__MODULE__.id("hi")))
    IO.inspect({either(__MODULE__.id(1)), either(__MODULE__.id(:one)), either(__MODULE__.id([])),
                either(__MODULE__.id({})), either(__MODULE__.id(2))})

    {a, {b, [c | d]}} = __MODULE__.id({1, {2, [3, 4, 5]}})
    IO.inspect({a, b, c, d})
    x = __MODULE__.id(10)
    ^x = __MODULE__.id(10)
    IO.puts("pin ok #{x}")
    %{name: name, tags: [first_tag | _]} = __MODULE__.id(%{name: "elixir", tags: [:fp, :beam], v: 1})
    IO.inspect({name, first_tag})
    "prefix-" <> rest = __MODULE__.id("prefix-suffix")
    IO.inspect(rest)
    [_, second | _] = __MODULE__.id(~w(alpha beta gamma))
    IO.inspect(second)
    <<r::4, s::4, t::binary>> = __MODULE__.id(<<0xAB, 1, 2>>)
    IO.inspect({r, s, t})
    IO.inspect(match?({:ok, _}, __MODULE__.id({:ok, 5})))
    IO.inspect(match?({:ok, n} when n > 10, __MODULE__.id({:ok, 5})))
    IO.inspect(is_even(__MODULE__.id(8)))
    IO.inspect(is_even(__MODULE__.id(9)))
    y = __MODULE__.id(5)
    IO.inspect(is_small_pos(y) and y > 2)
    IO.inspect([is_number(1.0), is_boolean(nil), is_nil(nil), is_function(&abs/1), is_function(&abs/1, 2)])
    IO.inspect([is_bitstring(<<1::3>>), is_binary(<<1::3>>), is_exception(%ArgumentError{}), is_struct(1..3)])
    IO.inspect([is_struct(1..3, Range), is_struct(%{}), is_map_key(%{a: 1}, :a)])
    IO.inspect({1 == 1.0, 1 === 1.0, 1 != 1.0, 1 !== 1.0})
    IO.inspect(Enum.sort([{:b, 1}, :a, "s", 3, 2.5, [1], %{}, {1}, nil]))
    IO.inspect({div(-7, 2), rem(-7, 2), abs(-3), max(__MODULE__.id(3), 4.0), min(__MODULE__.id(:a), 1)})
    IO.inspect({hd([9, 8]), tl([9, 8]), elem({:x, :y}, 1), tuple_size({}), byte_size("ßa")})
  end
end
