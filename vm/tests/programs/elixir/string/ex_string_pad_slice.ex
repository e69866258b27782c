defmodule ExStringPadSlice do
  def id(x), do: x

  def binary_slice_demo(s) do
    {binary_part(s, 1, 2), byte_size(binary_part(s, 1, 2)), String.valid?(binary_part(s, 1, 1))}
  end

  def start do
    s = __MODULE__.id("héllo")
    IO.inspect(String.pad_leading(s, 8))
    IO.inspect(String.pad_leading(s, 8, "*"))
    IO.inspect(String.pad_leading(s, 10, "ab"))
    IO.inspect(String.pad_leading(s, 3, "*"))
    IO.inspect(String.pad_trailing(s, 8, "·"))
    IO.inspect(String.pad_trailing(s, 9, ["-", "="]))
    IO.inspect(String.pad_leading("42", 5, "0"))
    IO.inspect(String.pad_leading("🎉", 3, "é"))
    IO.inspect(String.slice(s, 1, 3))
    IO.inspect(String.slice(s, 1..3))
    IO.inspect(String.slice(s, 1..-1//1))
    IO.inspect(String.slice(s, -3..-1//1))
    IO.inspect(String.slice(s, -2, 10))
    IO.inspect(String.slice(s, 10, 2))
    IO.inspect(String.slice(s, 5, 1))
    IO.inspect(String.slice(s, 0, 0))
    IO.inspect(String.slice(s, 3..1//1))
    IO.inspect(String.slice("ae\u0301io", 1, 1))
    IO.inspect(String.slice("🇵🇹🇧🇷xy", 1, 2))
    IO.inspect(binary_part(s, 0, 3))
    IO.inspect(:binary.part(s, 1, 2))
    IO.inspect(binary_slice_demo(s))
    cols = [{"name", 8}, {"qty", 5}, {"price", 9}]
    header = Enum.map_join(cols, "|", fn {n, w} -> String.pad_trailing(n, w) end)
    IO.puts(header)
    rows = [{"äpfel", 3, 1.5}, {"birnen", 12, 0.25}, {"kiwi", 100, 12.0}]
    for {n, q, p} <- rows do
      IO.puts(String.pad_trailing(n, 8) <> "|" <> String.pad_leading(Integer.to_string(q), 5) <> "|" <>
        String.pad_leading(:erlang.float_to_binary(p, decimals: 2), 9))
    end
    IO.inspect(String.length(String.pad_leading("ß", 4)))
    IO.inspect(String.graphemes(String.slice("ßtraße", 2..4)))
    IO.inspect(String.codepoints("ab") |> Enum.map(&String.pad_leading(&1, 2, "_")))
    IO.inspect(String.split_at("日本語テキスト", 3))
    IO.inspect(String.slice("日本語テキスト", -2..-1//1))
    IO.inspect(String.first("") == nil and String.last("") == nil)
    IO.inspect(String.slice("abcdef", 0..5//2))
    IO.inspect(String.slice("abc", 1..1))
    IO.inspect(String.slice("", 0, 5))
    IO.inspect(String.pad_trailing("", 3, "ab"))
    IO.inspect(String.pad_leading("abc", 0))
    IO.inspect(Enum.map(1..4, &String.pad_leading(Integer.to_string(&1 * &1 * &1), 3)))
  end
end
