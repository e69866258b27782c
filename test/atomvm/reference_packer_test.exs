defmodule AtomVM.ReferencePackerTest do
  # Differential test: the NIF and an independent beam_lib-based packer must produce
  # byte-identical archives from the same real modules.
  use ExUnit.Case, async: true

  alias AtomVM.Test.ReferencePacker

  @moduletag :tmp_dir

  defp beams(app), do: Enum.sort(Path.wildcard(Path.join(:code.lib_dir(app), "ebin/*.beam")))

  for strip_lines <- [false, true] do
    test "stdlib, kernel and elixir modules pack identically (strip_lines: #{strip_lines})",
         %{tmp_dir: dir} do
      beams = beams(:stdlib) ++ beams(:kernel) ++ beams(:elixir)
      assert length(beams) > 300
      ours = Path.join(dir, "nif.avm")
      reference = Path.join(dir, "reference.avm")
      inputs = Enum.map(beams, &{:beam, %{path: &1, start: false}})

      assert {:ok, {entries, size}} =
               AtomVM.Native.pack(ours, inputs, %{strip_lines: unquote(strip_lines)})

      ReferencePacker.pack(beams, reference, unquote(strip_lines))
      assert length(entries) == length(beams)
      assert size == File.stat!(ours).size
      assert File.read!(ours) == File.read!(reference)
    end
  end
end
