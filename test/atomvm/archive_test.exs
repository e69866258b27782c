defmodule AtomVM.ArchiveTest do
  use ExUnit.Case, async: true

  alias AtomVM.{Archive, Messages}

  @moduletag :tmp_dir
  @header "#!/usr/bin/env AtomVM\n" <> <<0, 0>>
  @end_marker <<0::96, "end", 0>>

  # A file section built by hand, so names the packer would refuse can be tested.
  defp file_section(name, data) do
    name_area = pad(name <> <<0>>)
    content = pad(<<byte_size(data)::32>> <> data)
    <<12 + byte_size(name_area) + byte_size(content)::32, 4::32, 0::32>> <> name_area <> content
  end

  defp pad(bin), do: bin <> :binary.copy(<<0>>, rem(4 - rem(byte_size(bin), 4), 4))

  defp write!(dir, name, bytes) do
    path = Path.join(dir, name)
    File.write!(path, bytes)
    path
  end

  defp error_message(result) do
    assert {:error, reason} = result
    Messages.message(reason)
  end

  test "reads back hand-built entries", %{tmp_dir: dir} do
    path = write!(dir, "ok.avm", @header <> file_section("app/priv/a.txt", "abc") <> @end_marker)
    assert {:ok, [entry]} = Archive.entries(path)

    assert Map.take(entry, [:name, :flags, :kind, :start, :size, :data]) ==
             %{name: "app/priv/a.txt", flags: 4, kind: :file, start: false, size: 3, data: "abc"}

    assert Archive.format_listing(path, [entry]) ==
             "#{path}\n  0x04 file 3  app/priv/a.txt\n1 entry, 76 bytes (* = start module)"
  end

  test "malformed archives get one precise message", %{tmp_dir: dir} do
    not_avm = write!(dir, "x.avm", "hello, this is not an archive at all")

    assert error_message(Archive.entries(not_avm)) ==
             "#{not_avm}: not an AtomVM archive: it does not start with the PackBEAM header " <>
               "`#!/usr/bin/env AtomVM`"

    truncated = write!(dir, "t.avm", @header <> file_section("app/priv/a.txt", "abc"))

    assert error_message(Archive.entries(truncated)) ==
             "#{truncated}: the archive has no `end` section: it stops after 1 entries at byte 0x3c (truncated?)"

    <<size::32, rest::binary>> = file_section("app/priv/a.txt", "abc")
    too_long = write!(dir, "l.avm", @header <> <<size + 400::32>> <> rest <> @end_marker)

    assert error_message(Archive.entries(too_long)) ==
             "#{too_long}: the section at byte 0x18 declares size 436, which runs past the end of the file"

    missing = Path.join(dir, "missing.avm")
    assert error_message(Archive.entries(missing)) == "#{missing}: no such file"
  end

  test "extract refuses unsafe names before writing anything", %{tmp_dir: dir} do
    evil =
      write!(
        dir,
        "evil.avm",
        @header <>
          file_section("app/priv/fine.txt", "ok") <>
          file_section("app/../../escape.txt", "x") <> @end_marker
      )

    out = Path.join(dir, "out")

    assert error_message(Archive.extract(evil, out)) ==
             "#{evil}: invalid entry name `app/../../escape.txt`: it must be a relative path " <>
               "with `/` separators and no empty, `.` or `..` parts"

    refute File.exists?(out)
    refute File.exists?(Path.join(dir, "escape.txt"))
  end

  test "extract names missing entries and writes nothing", %{tmp_dir: dir} do
    path = write!(dir, "ok.avm", @header <> file_section("app/priv/a.txt", "abc") <> @end_marker)
    out = Path.join(dir, "out")

    assert error_message(Archive.extract(path, out, ["app/priv/a.txt", "nope.beam"])) ==
             "#{path}: no entry named nope.beam"

    refute File.exists?(out)
    assert {:ok, [written]} = Archive.extract(path, out, ["app/priv/a.txt"])
    assert File.read!(written) == "abc"
  end
end
