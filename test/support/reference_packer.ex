defmodule AtomVM.Test.ReferencePacker do
  @moduledoc """
  A second, independent PackBEAM packer in plain Erlang/OTP terms: `beam_lib` splits
  and rebuilds each module, `zlib` inflates the literals, binaries build the sections.
  The tests compare the NIF's archives with its output byte for byte, and
  `bench/packbeam` times both.
  """

  @kept ~w(AtU8 Code ExpT LocT ImpT LitU FunT StrT LitT avmN Type Recs)c

  @doc "Packs `beams` (paths, in order, none flagged start) into the file `out`."
  def pack(beams, out, strip_lines \\ false) do
    kept = if strip_lines, do: @kept, else: [~c"Line" | @kept]
    sections = Enum.map(beams, &module_section(&1, kept))
    File.write!(out, ["#!/usr/bin/env AtomVM\n", <<0, 0>>, sections, <<0::96, "end", 0>>])
  end

  defp module_section(path, kept) do
    {:ok, module, chunks} = :beam_lib.all_chunks(String.to_charlist(path))

    stripped =
      for {id, data} <- chunks, id in kept do
        case {id, data} do
          {~c"LitT", <<0::32, _::binary>>} -> {id, data}
          {~c"LitT", <<_::32, compressed::binary>>} -> {~c"LitU", :zlib.uncompress(compressed)}
          other -> other
        end
      end

    {:ok, bin} = :beam_lib.build_module(stripped)
    section("#{module}.beam", 2, bin)
  end

  defp section(name, flags, content) do
    name_area = pad(name <> <<0>>)
    content = pad(content)
    [<<12 + byte_size(name_area) + byte_size(content)::32, flags::32, 0::32>>, name_area, content]
  end

  defp pad(bin), do: bin <> :binary.copy(<<0>>, rem(4 - rem(byte_size(bin), 4), 4))
end
