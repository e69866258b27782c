defmodule ExBitwiseOps do
  import Bitwise
  def id(x), do: x

  def popcount(0), do: 0
  def popcount(n) when n > 0, do: (n &&& 1) + popcount(n >>> 1)

  def bits(n, width), do: n |> Integer.to_string(2) |> String.pad_leading(width, "0")

  defguard is_power_of_two(n) when is_integer(n) and n > 0 and (n &&& n - 1) == 0

  def start do
    a = __MODULE__.id(0b1100_1010)
    b = __MODULE__.id(0b1010_0110)
    IO.puts(bits(a &&& b, 8))
    IO.puts(bits(a ||| b, 8))
    IO.puts(bits(bxor(a, b), 8))
    IO.puts(bits(a <<< 3, 12))
    IO.puts(bits(a >>> 3, 8))
    IO.inspect({band(a, b), bor(a, b), bxor(a, b), bnot(a), bsl(a, 2), bsr(a, 2)})
    IO.inspect({bnot(0), bnot(-1), -1 &&& 0xFF, -256 ||| 0x0F, bxor(-1, 0xFF)})
    IO.inspect({-16 >>> 2, -1 >>> 10, -17 >>> 1, 1 <<< 0, 5 <<< -1, 5 >>> -2})
    IO.inspect({1 <<< 62, 1 <<< 63, 1 <<< 64, (1 <<< 64) >>> 63})
    IO.inspect(Enum.map(0..16, &popcount/1))
    IO.inspect(Enum.filter(1..70, &is_power_of_two/1))
    IO.inspect(Enum.reduce([0x0F, 0xF0, 0x3C], 0, &bor/2))
    IO.inspect(Enum.reduce([0xFF, 0x0F, 0x3C], 0xFF, &band/2))
    IO.inspect(Enum.reduce(1..10, 0, &bxor/2))
    flags = %{read: 1, write: 2, exec: 4}
    perms = flags.read ||| flags.exec
    IO.inspect(Enum.sort(for {k, v} <- flags, (perms &&& v) != 0, do: k))
    IO.inspect((perms &&& flags.write) == 0)
    rgb = __MODULE__.id(0x33CC99)
    IO.inspect({rgb >>> 16 &&& 0xFF, rgb >>> 8 &&& 0xFF, rgb &&& 0xFF})
    IO.inspect((0x12 <<< 16) ||| (0x34 <<< 8) ||| 0x56)
    IO.inspect(Integer.to_string(bnot(0xF0F0) &&& 0xFFFF, 16))
    IO.inspect(0xDEADBEEF |> band(0xFFFF0000) |> bsr(16) |> Integer.to_string(16))
    IO.inspect(:erlang.band(12, 10))
    IO.inspect(bxor(0xFFFFFFFFFFFFFFFFFFFF, 0x1))
    IO.inspect(band(-(1 <<< 100), (1 <<< 101) - 1))
    IO.inspect(bor(1 <<< 100, 1))
    IO.inspect(bnot(1 <<< 100))
    IO.inspect((1 <<< 200) >>> 190)
    IO.inspect(-(1 <<< 200) >>> 199)
    <<x::4, y::4>> = <<0xA7>>
    IO.inspect({x, y})
    IO.inspect(<<a::8, b::8>>)
    IO.inspect(for <<bit::1 <- <<0b10110001>> >>, do: bit)
    IO.inspect(:binary.bin_to_list(<<1, 2, 255>>))
    IO.inspect(Integer.digits(0xFF, 2) |> Enum.count(&(&1 == 1)))
    IO.inspect(Enum.map([0, 1, 7, 8, 255, 256], &bits(&1, 1)))
    gray = Enum.map(0..7, &bxor(&1, &1 >>> 1))
    IO.inspect(gray)
    IO.inspect(Enum.map(gray, &bits(&1, 3)))
    IO.inspect(Enum.map(1..8, fn i -> (1 <<< i) - 1 end))
    IO.inspect(:erlang.bsr(-1, 1) == -1 and :erlang.bsl(-1, 1) == -2)
  end
end
