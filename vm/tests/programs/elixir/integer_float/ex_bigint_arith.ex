defmodule ExBigintArith do
  import Bitwise
  def id(x), do: x

  def fact(0), do: 1
  def fact(n), do: n * fact(n - 1)

  def fib(n), do: fib(n, 0, 1)
  def fib(0, a, _), do: a
  def fib(n, a, b), do: fib(n - 1, b, a + b)

  def isqrt(n) when n < 2, do: n
  def isqrt(n), do: newton(n, n)
  defp newton(n, x) do
    y = div(x + div(n, x), 2)
    if y >= x, do: x, else: newton(n, y)
  end

  def powmod(_b, 0, _m), do: 1
  def powmod(b, e, m) when rem(e, 2) == 0, do: powmod(rem(b * b, m), div(e, 2), m)
  def powmod(b, e, m), do: rem(b * powmod(b, e - 1, m), m)

  def start do
    f50 = fact(__MODULE__.id(50))
    IO.inspect(f50)
    IO.inspect(f50 |> Integer.digits() |> Enum.sum())
    IO.inspect(fact(__MODULE__.id(100)) |> Integer.to_string() |> String.length())
    IO.inspect(fib(__MODULE__.id(300)))
    big = __MODULE__.id(Integer.pow(2, 127) - 1)
    IO.inspect(big)
    IO.inspect(-big)
    IO.inspect(big * big)
    IO.inspect(div(big * big, big) == big)
    IO.inspect({div(big, 1_000_000_007), rem(big, 1_000_000_007)})
    IO.inspect({div(-big, 1_000_000_007), rem(-big, 1_000_000_007)})
    IO.inspect({Integer.floor_div(-big, 1_000_000_007), Integer.mod(-big, 1_000_000_007)})
    IO.inspect(isqrt(Integer.pow(10, 60) + 12345))
    IO.inspect(powmod(__MODULE__.id(3), Integer.pow(10, 18), 1_000_000_007))
    IO.inspect(big + 1 == Integer.pow(2, 127))
    IO.inspect(big > Integer.pow(2, 126) and big < 1.0e39)
    IO.inspect(big * 1.0)
    IO.inspect(Integer.pow(2, 64) |> Kernel./(2))
    IO.inspect(trunc(1.0e30))
    IO.inspect({band(big, 0xFFFF), bor(big, 1 <<< 130) == big + (1 <<< 130), bxor(big, big)})
    IO.inspect({big >>> 100, 1 <<< 100, -1 <<< 70, (-big) >>> 120})
    IO.inspect(bnot(Integer.pow(2, 70)))
    IO.inspect(band(-Integer.pow(2, 70), Integer.pow(2, 72) - 1))
    IO.inspect(Integer.to_string(big, 36))
    IO.inspect(String.to_integer("zzzzzzzzzzzzzzzzzzzzzzzz", 36))
    IO.inspect(Integer.gcd(fact(30), fib(60)))
    IO.inspect(abs(-big) == big)
    IO.inspect(Enum.sum(Enum.map(1..50, &Integer.pow(&1, 20))))
    IO.inspect(Enum.reduce(1..30, 1, fn i, acc -> acc * (Integer.pow(2, i) - 1) end) |> rem(1_000_003))
    IO.inspect(:erlang.term_to_binary(Integer.pow(2, 100)))
    IO.inspect(:erlang.binary_to_term(:erlang.term_to_binary(-big)) == -big)
    IO.inspect(<<Integer.pow(2, 80) + 5::size(96)>>)
    <<v::size(96)>> = <<Integer.pow(2, 80) + 5::size(96)>>
    IO.inspect(v)
    IO.inspect(Enum.sort([big, -big, 0, 1.0e40, -1.0e40, 1]))
    IO.inspect(max(big, 1.0e38))
    IO.inspect(Integer.pow(-2, 65))
    IO.inspect(div(Integer.pow(-2, 65), 3))
    IO.inspect(rem(Integer.pow(-2, 65), 3))
  end
end
