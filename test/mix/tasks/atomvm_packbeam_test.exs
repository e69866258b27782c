defmodule Mix.Tasks.Atomvm.PackbeamTest do
  # Runs `mix` in fixture projects, as a user would: slow, so the fixture is compiled
  # once and copied for tests that change it.
  use ExUnit.Case, async: false

  alias AtomVM.Test.{AvmParser, Fixture}

  @moduletag :fixture
  @kept_chunks ~w(AtU8 Code ExpT LocT ImpT LitU FunT StrT LitT avmN Type Recs Line)

  setup_all do
    base = Path.join(System.tmp_dir!(), "atomvm_packbeam_#{System.unique_integer([:positive])}")
    File.rm_rf!(base)
    app = Fixture.create!(base)
    {output, status} = Fixture.mix(app, ["atomvm.packbeam"])
    on_exit(fn -> File.rm_rf!(base) end)
    %{base: base, app: app, first_output: output, first_status: status}
  end

  defp avm!(app, name \\ "fixture_app.avm"), do: File.read!(Path.join(app, name))
  defp names(sections), do: Enum.map(sections, & &1.name)
  defp ebin(app, lib), do: Path.join([app, "_build/dev/lib", lib, "ebin"])

  # The literal chunk an original `LitT` becomes in the archive, and its data.
  defp packed_literals(<<0::32, _::binary>> = plain), do: {"LitT", plain}

  defp packed_literals(<<size::32, compressed::binary>>) do
    table = :zlib.uncompress(compressed)
    assert byte_size(table) == size
    {"LitU", table}
  end

  defp fresh_copy(%{base: base, app: app}, name) do
    dir = Path.join(base, name)
    Fixture.copy!(Path.join(base, "fixture_dep"), Path.join(dir, "fixture_dep"))
    Fixture.copy!(Path.join(base, "fixture_tool"), Path.join(dir, "fixture_tool"))
    Fixture.copy!(app, Path.join(dir, "fixture_app"))
  end

  test "packs the app and its runtime dependency, start module first", ctx do
    assert ctx.first_status == 0, ctx.first_output

    assert ctx.first_output =~
             "Wrote fixture_app.avm: 7 modules, 3 files, #{byte_size(avm!(ctx.app))} bytes; " <>
               "start module FixtureApp"

    bytes = avm!(ctx.app)
    assert binary_part(bytes, 0, 24) == "#!/usr/bin/env AtomVM\n\0\0"
    assert binary_part(bytes, byte_size(bytes) - 16, 16) == <<0::96, "end", 0>>
    sections = AvmParser.parse!(bytes)

    assert names(sections) == [
             "Elixir.FixtureApp.beam",
             "Elixir.FixtureApp.Greet.BitString.beam",
             "Elixir.FixtureApp.Greet.beam",
             "Elixir.FixtureApp.NoStart.beam",
             "Elixir.FixtureApp.Unused.beam",
             "fixture_erl.beam",
             "Elixir.FixtureDep.beam",
             "fixture_app/priv/data.bin",
             "fixture_app/priv/sub/config.txt",
             "fixture_dep/priv/dep.txt"
           ]

    assert Enum.map(sections, & &1.flags) == [3, 2, 2, 2, 2, 2, 2, 4, 4, 4]
    # The first section starts right after the header and the name is padded to 4.
    [first | _] = sections
    assert first.offset == 24
    assert binary_part(bytes, 24 + 12, 24) == "Elixir.FixtureApp.beam\0\0"
    assert first.size == 12 + 24 + byte_size(first.content)
  end

  test "stores priv files length-prefixed and padded", ctx do
    sections = AvmParser.parse!(avm!(ctx.app))
    data = Enum.find(sections, &(&1.name == "fixture_app/priv/data.bin"))
    assert data.content == <<5::32, 1, 2, 3, 4, 5, 0, 0, 0>>
    assert AvmParser.file_data!(data) == <<1, 2, 3, 4, 5>>
    dep = Enum.find(sections, &(&1.name == "fixture_dep/priv/dep.txt"))
    assert AvmParser.file_data!(dep) == "dependency data\n"
    refute Enum.any?(sections, &String.contains?(&1.name, ".hidden"))
  end

  test "strips modules to AtomVM's chunks and inflates literals", ctx do
    sections = AvmParser.parse!(avm!(ctx.app))
    original = Path.join(ebin(ctx.app, "fixture_app"), "fixture_erl.beam")
    erl = Enum.find(sections, &(&1.name == "fixture_erl.beam"))

    {:ok, _, all} = :beam_lib.all_chunks(String.to_charlist(original))
    original_ids = Enum.map(all, fn {id, _} -> to_string(id) end)
    assert "LitT" in original_ids and "Dbgi" in original_ids

    # This release's erlc decides: a zlib-compressed table (inflated size first) until
    # OTP 27, and from OTP 28 possibly a plain one (size field 0), which is kept as is.
    litt = AvmParser.chunk!(String.to_charlist(original), "LitT")
    {literals_id, literals} = packed_literals(litt)

    expected =
      original_ids
      |> Enum.filter(&(&1 in @kept_chunks))
      |> Enum.map(&if(&1 == "LitT", do: literals_id, else: &1))

    assert AvmParser.chunk_ids!(erl) == expected
    assert AvmParser.chunk!(erl.content, literals_id) == literals

    assert AvmParser.chunk!(erl.content, "Code") ==
             AvmParser.chunk!(String.to_charlist(original), "Code")

    for section <- sections, section.flags in [2, 3] do
      assert Enum.all?(AvmParser.chunk_ids!(section), &(&1 in @kept_chunks)), section.name
    end
  end

  test "packs consolidated protocols in place of the unconsolidated ones", ctx do
    # Packed again here: Elixir 1.20's Mix removes the consolidation directory when a
    # task that does not compile (avm.list, in another test) runs in the project.
    {_, 0} = Fixture.mix(ctx.app, ["atomvm.packbeam", "-o", "consolidated.avm"])
    sections = AvmParser.parse!(avm!(ctx.app, "consolidated.avm"))
    greet = Enum.find(sections, &(&1.name == "Elixir.FixtureApp.Greet.beam"))
    build = Path.join(ctx.app, "_build/dev/lib/fixture_app")

    consolidated =
      String.to_charlist(Path.join(build, "consolidated/Elixir.FixtureApp.Greet.beam"))

    plain = String.to_charlist(Path.join(build, "ebin/Elixir.FixtureApp.Greet.beam"))

    refute AvmParser.chunk!(consolidated, "Code") == AvmParser.chunk!(plain, "Code")
    assert AvmParser.chunk!(greet.content, "Code") == AvmParser.chunk!(consolidated, "Code")
  end

  test "leaves out runtime: false deps, atomvm_mix and the standard library", ctx do
    names = names(AvmParser.parse!(avm!(ctx.app)))
    refute "Elixir.FixtureTool.beam" in names
    refute Enum.any?(names, &String.starts_with?(&1, "Elixir.AtomVM"))
    refute Enum.any?(names, &String.starts_with?(&1, "Elixir.Mix"))
    refute "Elixir.IO.beam" in names
    refute "lists.beam" in names
  end

  test "--prune drops unreachable modules and says which", ctx do
    {output, 0} = Fixture.mix(ctx.app, ["atomvm.packbeam", "--prune", "-o", "pruned.avm"])

    assert output =~
             "Pruned 2 unreachable modules: Elixir.FixtureApp.NoStart, Elixir.FixtureApp.Unused"

    assert names(AvmParser.parse!(avm!(ctx.app, "pruned.avm"))) --
             [
               "fixture_app/priv/data.bin",
               "fixture_app/priv/sub/config.txt",
               "fixture_dep/priv/dep.txt"
             ] == [
             "Elixir.FixtureApp.beam",
             "Elixir.FixtureApp.Greet.BitString.beam",
             "Elixir.FixtureApp.Greet.beam",
             "fixture_erl.beam",
             "Elixir.FixtureDep.beam"
           ]
  end

  test "--strip-lines drops Line chunks; lines are kept by default", ctx do
    {_, 0} = Fixture.mix(ctx.app, ["atomvm.packbeam", "--strip-lines", "-o", "nolines.avm"])
    stripped = AvmParser.parse!(avm!(ctx.app, "nolines.avm"))
    default = AvmParser.parse!(avm!(ctx.app))

    for {plain, lines} <- Enum.zip(stripped, default), plain.flags in [2, 3] do
      assert "Line" in AvmParser.chunk_ids!(lines)
      assert AvmParser.chunk_ids!(plain) == AvmParser.chunk_ids!(lines) -- ["Line"]
    end
  end

  test "--include-stdlib with --prune packs the library modules the program reaches", ctx do
    {output, 0} =
      Fixture.mix(ctx.app, ["atomvm.packbeam", "--include-stdlib", "--prune", "-o", "std.avm"])

    names = names(AvmParser.parse!(avm!(ctx.app, "std.avm")))
    assert hd(names) == "Elixir.FixtureApp.beam"
    assert "Elixir.IO.beam" in names and "io.beam" in names
    refute "Elixir.Mix.beam" in names
    assert output =~ "Pruned "
  end

  test "--start picks another start module; Erlang names work", ctx do
    {_, 0} = Fixture.mix(ctx.app, ["atomvm.packbeam", "--start", "fixture_erl", "-o", "erl.avm"])
    [first | rest] = AvmParser.parse!(avm!(ctx.app, "erl.avm"))
    assert {first.name, first.flags} == {"fixture_erl.beam", 3}
    assert Enum.all?(rest, &(&1.flags in [2, 4]))
  end

  test "a start module that is missing or lacks start/0 is a clear error", ctx do
    {output, status} = Fixture.mix(ctx.app, ["atomvm.packbeam", "--start", "Nope", "-o", "x.avm"])
    assert status != 0
    assert output =~ "start module Nope is not a module of :fixture_app"
    {output, status} = Fixture.mix(ctx.app, ["atomvm.packbeam", "--start", "FixtureApp.NoStart"])
    assert status != 0
    assert output =~ "start module FixtureApp.NoStart does not export start/0"
    refute File.exists?(Path.join(ctx.app, "x.avm"))
  end

  test "unknown options are refused", ctx do
    {output, status} = Fixture.mix(ctx.app, ["atomvm.packbeam", "--frobnicate"])
    assert status != 0
    assert output =~ "unknown or invalid options: --frobnicate"
  end

  test "a corrupt .beam stops packing and the previous archive is untouched", ctx do
    app = fresh_copy(ctx, "corrupt")
    before = avm!(app)
    bad = Path.join(ebin(app, "fixture_app"), "bad.beam")
    File.write!(bad, "FOR1" <> <<100::32>> <> "BEAM" <> "AtU8")
    {output, status} = Fixture.mix(app, ["atomvm.packbeam"])
    assert status != 0

    assert output =~
             "#{bad}: truncated: the header declares 108 bytes but the file has 16 (at byte 4)"

    assert avm!(app) == before
    assert Path.wildcard(Path.join(app, ".atomvm-*")) == []
  end

  test "two files defining one module are refused, naming both", ctx do
    app = fresh_copy(ctx, "duplicate")
    original = Path.join(ebin(app, "fixture_app"), "Elixir.FixtureApp.Unused.beam")
    copy = Path.join(ebin(app, "fixture_dep"), "Elixir.FixtureApp.Unused.beam")
    File.cp!(original, copy)
    {output, status} = Fixture.mix(app, ["atomvm.packbeam", "-o", "dup.avm"])
    assert status != 0

    assert output =~
             "module \"Elixir.FixtureApp.Unused\" is defined twice: in #{original} and in #{copy}"

    refute File.exists?(Path.join(app, "dup.avm"))
  end

  test "avm.list shows every entry with flags, kind and size", ctx do
    {output, 0} = Fixture.mix(ctx.app, ["atomvm.avm.list", "fixture_app.avm"])
    sections = AvmParser.parse!(avm!(ctx.app))
    [erl] = Enum.filter(sections, &(&1.name == "fixture_erl.beam"))
    {:ok, _, _} = :beam_lib.all_chunks(erl.content)

    assert output =~ ~r/^\* 0x03 beam +\d+  Elixir\.FixtureApp\.beam$/m
    assert output =~ ~r/^  0x04 file +5  fixture_app\/priv\/data\.bin$/m
    assert output =~ ~r/^  0x02 beam +#{byte_size(erl.content)}  fixture_erl\.beam$/m
    assert output =~ "10 entries, #{byte_size(avm!(ctx.app))} bytes"
  end

  test "avm.extract writes modules and priv files out", ctx do
    to = Path.join(ctx.base, "extracted")
    {output, 0} = Fixture.mix(ctx.app, ["atomvm.avm.extract", "fixture_app.avm", "--to", to])
    assert output =~ "Extracted 10 entries to #{to}"
    sections = AvmParser.parse!(avm!(ctx.app))

    for section <- sections do
      data = if section.flags == 4, do: AvmParser.file_data!(section), else: section.content
      assert File.read!(Path.join(to, section.name)) == data, section.name
    end

    {_, 0} =
      Fixture.mix(ctx.app, [
        "atomvm.avm.extract",
        "fixture_app.avm",
        "--to",
        to <> "2",
        "fixture_erl.beam"
      ])

    assert File.ls!(to <> "2") == ["fixture_erl.beam"]
  end
end
