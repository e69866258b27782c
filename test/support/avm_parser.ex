defmodule AtomVM.Test.AvmParser do
  @moduledoc """
  An independent reader of the PackBEAM format for the tests, written from the format's
  rules with binary patterns (it shares no code with the Rust reader). It raises on any
  deviation: wrong header, section sizes, non-NUL padding, a missing end marker.
  """

  @header "#!/usr/bin/env AtomVM\n" <> <<0, 0>>

  @doc "The 24-byte header."
  def header, do: @header

  @doc "Parses a whole archive into sections (`:offset`, `:size`, `:flags`, `:name`, `:content`)."
  def parse!(<<@header, rest::binary>>), do: sections(rest, byte_size(@header), [])
  def parse!(_), do: raise("bad PackBEAM header")

  defp sections(<<0::32, 0::32, 0::32, "end", 0>>, _offset, acc), do: Enum.reverse(acc)

  defp sections(<<size::32, flags::32, 0::32, _::binary>> = bin, offset, acc) when size > 12 do
    0 = rem(size, 4)
    # split_binary/2 rather than sizes bound outside the pattern, which Elixir 1.20
    # wants pinned and Elixir 1.14 cannot pin.
    {section, rest} = :erlang.split_binary(bin, size)
    {_header, body} = :erlang.split_binary(section, 12)
    [name, _] = :binary.split(body, <<0>>)
    {name_area, content} = :erlang.split_binary(body, pad4(byte_size(name) + 1))
    {^name, name_padding} = :erlang.split_binary(name_area, byte_size(name))
    true = all_zero?(name_padding)

    entry = %{offset: offset, size: size, flags: flags, name: name, content: content}
    sections(rest, offset + size, [entry | acc])
  end

  defp sections(other, offset, _acc) do
    raise "malformed section at #{offset}: #{inspect(binary_part(other, 0, min(16, byte_size(other))))}"
  end

  @doc "A plain-file section's bytes: checks the length prefix and the zero padding."
  def file_data!(%{flags: 4, content: <<len::32, data::binary-size(len), padding::binary>>}) do
    true = all_zero?(padding) and byte_size(padding) < 4
    data
  end

  @doc "The ids of a BEAM section's chunks, in order."
  def chunk_ids!(%{content: content}) do
    {:ok, _module, chunks} = :beam_lib.all_chunks(content)
    Enum.map(chunks, fn {id, _} -> to_string(id) end)
  end

  @doc "A chunk's data from a BEAM binary or file."
  def chunk!(beam, id) do
    {:ok, {_, [{_, data}]}} = :beam_lib.chunks(beam, [String.to_charlist(id)])
    data
  end

  defp pad4(n), do: div(n + 3, 4) * 4
  defp all_zero?(bin), do: bin == :binary.copy(<<0>>, byte_size(bin))
end
