defmodule ExKernelControlFlow do
  def id(x), do: x

  def parse_user(map) do
    with {:ok, name} when is_binary(name) <- Map.fetch(map, :name),
         {:ok, age} <- Map.fetch(map, :age),
         true <- age >= 18 || {:error, :too_young},
         upper = String.upcase(name) do
      {:ok, upper, age}
    else
      :error -> {:error, :missing}
      {:ok, other} -> {:error, {:bad_name, other}}
      {:error, reason} -> {:error, reason}
    end
  end

  def sign(n) do
    cond do
      n > 0 -> :pos
      n < 0 -> :neg
      true -> :zero
    end
  end

  def describe(x) do
    case x do
      {:ok, v} when is_integer(v) and v > 100 -> "big ok #{v}"
      {:ok, v} -> "ok #{inspect(v)}"
      {:error, _} = e -> "error tuple #{inspect(e)}"
      [a, a] -> "pair of same #{inspect(a)}"
      [_ | _] = l -> "list of #{length(l)}"
      _ -> "something else"
    end
  end

  def fact(0), do: 1
  def fact(n) when n > 0, do: n * fact(n - 1)

  def count_down(0, acc), do: Enum.reverse([:liftoff | acc])
  def count_down(n, acc), do: count_down(n - 1, [n | acc])

  def loop(n, acc) when n > 1_000_000, do: acc
  def loop(n, acc), do: loop(n + 1, acc + rem(n, 7))

  def start do
    IO.inspect(parse_user(__MODULE__.id(%{name: "ann", age: 30})))
    IO.inspect(parse_user(__MODULE__.id(%{name: "bob", age: 12})))
    IO.inspect(parse_user(__MODULE__.id(%{name: :carl, age: 40})))
    IO.inspect(parse_user(__MODULE__.id(%{age: 40})))
    IO.inspect(Enum.map([-3, 0, 7], &sign/1))
    for v <- [{:ok, 500}, {:ok, "x"}, {:error, :enoent}, [2, 2], [1, 2, 3], 42] do
      IO.puts(describe(__MODULE__.id(v)))
    end
    x = __MODULE__.id(5)
    IO.puts(if x > 3, do: "gt3", else: "le3")
    IO.puts(unless x > 3, do: "le3", else: "gt3")
    IO.inspect(if x > 10, do: :never)
    IO.inspect(__MODULE__.id(nil) || :default)
    IO.inspect(__MODULE__.id(false) && :never)
    IO.inspect(__MODULE__.id(1) && __MODULE__.id(2))
    IO.inspect(!__MODULE__.id(nil))
    IO.inspect(not __MODULE__.id(true))
    IO.inspect(__MODULE__.id(true) and __MODULE__.id(:x))
    IO.inspect(__MODULE__.id(false) or __MODULE__.id(:y))
    IO.inspect(fact(__MODULE__.id(20)))
    IO.inspect(fact(__MODULE__.id(30)))
    IO.inspect(count_down(__MODULE__.id(5), []))
    IO.inspect(loop(__MODULE__.id(0), 0))
    result =
      __MODULE__.id("  Hello World  ")
      |> String.trim()
      |> String.downcase()
      |> String.split()
      |> Enum.map(&String.capitalize/1)
      |> Enum.join("-")
    IO.puts(result)
    add = fn a, b -> a + b end
    IO.inspect(add.(2, 3))
    mul = &(&1 * &2)
    IO.inspect(mul.(4, 5))
    multi = fn
      {:a, v} -> {:got_a, v}
      {:b, v} when v > 0 -> {:got_pos_b, v}
      _ -> :other
    end
    IO.inspect(Enum.map([{:a, 1}, {:b, 2}, {:b, -2}, :z], multi))
    counter = fn n ->
      Enum.reduce(1..n, {0, 0}, fn i, {evens, odds} ->
        if rem(i, 2) == 0, do: {evens + 1, odds}, else: {evens, odds + 1}
      end)
    end
    IO.inspect(counter.(__MODULE__.id(11)))
    adder = fn n -> fn m -> n + m end end
    IO.inspect(adder.(10).(5))
    IO.inspect(apply(Enum, :sum, [[1, 2, 3]]))
    IO.inspect(apply(fn a, b -> a - b end, [10, 3]))
    IO.inspect(Function.identity(:same))
    IO.inspect(then(5, &(&1 * 3)))
    IO.inspect(tap(7, fn _ -> :ignored end))
    v = __MODULE__.id(3)
    r =
      case v do
        1 -> :one
        n when n in 2..4 -> :two_to_four
        _ -> :more
      end
    IO.inspect(r)
    IO.inspect(Enum.map([1, 2, 3], fn
      1 -> "one"
      n -> Integer.to_string(n)
    end))
    {q, w} = {__MODULE__.id(1), __MODULE__.id(2)}
    {q, w} = {w, q}
    IO.inspect({q, w})
  end
end
