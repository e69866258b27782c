defmodule ProtocolParser do
  @moduledoc """
  Parses a small binary sensor protocol with bit syntax. A frame is

      <<0xA5, type::8, length::16, payload::binary-size(length), checksum::8>>

  where the checksum is the XOR of every byte before it. Frames arrive concatenated
  and may be cut anywhere: the parser returns the frames it could read and the rest.
  """

  import Bitwise

  @doc "AtomVM's entry point: encodes some readings, splits the stream, parses it."
  def start do
    frames = [
      encode(1, <<21::signed-16, 5::8>>),
      encode(2, "hello"),
      encode(3, <<-40::signed-16, 99::8>>),
      encode(1, <<>>)
    ]

    stream = IO.iodata_to_binary(frames)
    {first, second} = String.split_at(stream, 13)

    {parsed, rest} = parse(first)
    report(parsed)
    IO.puts("#{byte_size(rest)} bytes left over")
    {parsed, rest} = parse(rest <> second)
    report(parsed)
    IO.puts("#{byte_size(rest)} bytes left over")

    corrupt =
      encode(2, "x") |> :binary.bin_to_list() |> List.replace_at(4, ?y) |> :binary.list_to_bin()

    IO.inspect(parse(corrupt), label: "corrupt frame")
  end

  @doc "One frame: header, payload and checksum."
  def encode(type, payload) do
    body = <<0xA5, type, byte_size(payload)::16, payload::binary>>
    <<body::binary, checksum(body)>>
  end

  @doc "Parses frames from `data`; returns `{frames, unparsed_rest}`."
  def parse(data, acc \\ [])

  def parse(<<0xA5, type, len::16, payload::binary-size(len), sum, rest::binary>> = data, acc) do
    body = binary_part(data, 0, 4 + len)

    if checksum(body) == sum do
      parse(rest, [decode(type, payload) | acc])
    else
      parse(rest, [{:bad_checksum, type} | acc])
    end
  end

  def parse(rest, acc), do: {Enum.reverse(acc), rest}

  defp decode(1, <<celsius::signed-16, humidity::8>>), do: {:reading, celsius, humidity}
  defp decode(1, <<>>), do: :ping
  defp decode(2, text), do: {:text, text}
  defp decode(3, <<celsius::signed-16, battery::8>>), do: {:alarm, celsius, battery}

  defp checksum(bytes), do: for(<<b <- bytes>>, reduce: 0, do: (acc -> bxor(acc, b)))

  defp report(frames), do: Enum.each(frames, &IO.inspect/1)
end
