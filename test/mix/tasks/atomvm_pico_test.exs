defmodule Mix.Tasks.Atomvm.PicoTest do
  # UF2 files and the Pico tasks, with a temporary directory standing in for the
  # bootloader's mounted drive.
  use ExUnit.Case, async: false

  alias AtomVM.{Archive, Native, Pico}

  @moduletag :tmp_dir

  setup %{tmp_dir: dir} do
    Mix.shell(Mix.Shell.Process)
    on_exit(fn -> Mix.shell(Mix.Shell.IO) end)
    avm = Path.join(dir, "app.avm")
    beam = :code.which(:lists) |> to_string()
    data = Path.join(dir, "data.bin")
    File.write!(data, :crypto.strong_rand_bytes(700))

    {:ok, _} =
      Native.pack(
        avm,
        [{:beam, %{path: beam, start: true}}, {:file, %{name: "app/priv/data.bin", path: data}}],
        %{strip_lines: true}
      )

    drive = Path.join(dir, "RPI-RP2")
    File.mkdir_p!(drive)

    File.write!(
      Path.join(drive, "INFO_UF2.TXT"),
      "UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\n"
    )

    %{avm: avm, drive: drive}
  end

  test "uf2create writes the archive at 0x10180000 in 256-byte rp2040 blocks", %{
    avm: avm,
    tmp_dir: dir
  } do
    out = Path.join(dir, "app.uf2")
    Mix.Tasks.Atomvm.Uf2create.run(["--avm", avm, "-o", out])
    uf2 = File.read!(out)
    bytes = File.read!(avm)
    assert rem(byte_size(uf2), 512) == 0
    assert div(byte_size(uf2), 512) == div(byte_size(bytes) + 255, 256)

    <<0x0A324655::little-32, 0x9E5D5157::little-32, 0x2000::little-32, 0x10180000::little-32,
      256::little-32, 0::little-32, _total::little-32, 0xE48BFF56::little-32, _::binary>> = uf2

    {:ok, [%{address: 0x10180000, family: "rp2040", data: data}]} = Native.uf2_read(uf2)
    assert binary_part(data, 0, byte_size(bytes)) == bytes

    # avm.list reads the archive inside the UF2 file.
    assert {:ok, entries} = Archive.entries(out)
    assert {:ok, ^entries} = Archive.entries(avm)
  end

  test "the universal form is an rp2040 part then a data part", %{avm: avm, tmp_dir: dir} do
    out = Path.join(dir, "u.uf2")
    Mix.Tasks.Atomvm.Uf2create.run(["--avm", avm, "-o", out, "--family", "universal"])
    {:ok, regions} = Native.uf2_read(File.read!(out))
    assert Enum.map(regions, & &1.family) == ["rp2040", "data"]
  end

  test "every UF2 board file's family and application address reach uf2create", ctx do
    boards = Path.wildcard(Path.join(AtomVM.Test.Fixture.root(), "boards/*.toml"))
    uf2_boards = for f <- boards, File.read!(f) =~ ~s(method = "uf2"), do: f
    assert length(uf2_boards) >= 4

    for file <- uf2_boards do
      text = File.read!(file)
      [_, family] = Regex.run(~r/^uf2_family = "(.+)"$/m, text)
      [_, offset] = Regex.run(~r/^offset = 0x([0-9A-Fa-f]+)$/m, text)
      name = Path.basename(file, ".toml")
      out = Path.join(ctx.tmp_dir, name <> ".uf2")
      Mix.Tasks.Atomvm.Uf2create.run(["--avm", ctx.avm, "--board", name, "-o", out])
      {:ok, [region]} = Native.uf2_read(File.read!(out))

      assert {name, region.family, region.address} ==
               {name, family, String.to_integer(offset, 16)}
    end
  end

  test "pico.flash copies the UF2 to the bootloader drive and syncs it", %{avm: avm, drive: drive} do
    Mix.Tasks.Atomvm.Pico.Flash.run(["--avm", avm, "--path", drive, "--no-check"])
    copied = File.read!(Path.join(drive, "atomvm-app.uf2"))
    {:ok, [%{address: 0x10180000, data: data}]} = Native.uf2_read(copied)
    assert String.starts_with?(data, File.read!(avm))
    assert_received {:mix_shell, :info, ["Copied " <> _]}
  end

  test "pico.flash takes the drive from ATOMVM_PICO_PATH and says so with --verbose", %{
    avm: avm,
    drive: drive
  } do
    System.put_env("ATOMVM_PICO_PATH", drive)

    try do
      Mix.Tasks.Atomvm.Pico.Flash.run(["--avm", avm, "--no-check", "--verbose", "--wait", "5"])
    after
      System.delete_env("ATOMVM_PICO_PATH")
    end

    assert_received {:mix_shell, :info, ["Settings:\n" <> sources]}

    assert String.split(sources, "\n") == [
             "  pico_path = #{drive}  (ATOMVM_PICO_PATH)",
             "  pico_reset = -  (unset)",
             "  wait = 5  (--wait)"
           ]

    assert File.exists?(Path.join(drive, "atomvm-app.uf2"))
  end

  test "pico.flash checks first: an archive that would fail is not copied", %{
    avm: avm,
    drive: drive
  } do
    # OTP's own lists module calls functions AtomVM's device does not have.
    error =
      assert_raise Mix.Error, fn ->
        Mix.Tasks.Atomvm.Pico.Flash.run(["--avm", avm, "--path", drive, "--release", "v0.6.6"])
      end

    assert error.message =~
             ~r/^\d+ problems? would fail on AtomVM v0\.6\.6; .* or pass --no-check$/

    assert_received {:mix_shell, :info, ["(no line information): lists calls " <> _]}
    refute File.exists?(Path.join(drive, "atomvm-app.uf2"))
  end

  test "a directory that is not the bootloader's drive is refused", %{avm: avm, tmp_dir: dir} do
    error =
      assert_raise Mix.Error, fn ->
        Mix.Tasks.Atomvm.Pico.Flash.run(["--avm", avm, "--path", dir, "--wait", "0", "--no-check"])
      end

    assert error.message == "#{dir} is not a Pico bootloader drive (it has no INFO_UF2.TXT)"
  end

  test "the reset port must exist", %{avm: avm, tmp_dir: dir} do
    error =
      assert_raise Mix.Error, fn ->
        Mix.Tasks.Atomvm.Pico.Flash.run([
          "--avm",
          avm,
          "--path",
          dir,
          "--reset",
          "/dev/no-pico",
          "--wait",
          "0",
          "--no-check"
        ])
      end

    assert error.message =~ "no serial port /dev/no-pico"
  end

  test "drives are found under the usual mount roots", %{drive: drive, tmp_dir: dir} do
    assert Pico.drives([dir]) == [drive]
    assert Pico.drives([Path.join(dir, "nowhere")]) == []
    assert {:ok, ^drive} = Pico.wait_for_drive(nil, 0, roots: [dir])
  end

  # v0.6.x published the VM and the library as two UF2 files: both are downloaded and
  # verified, and one UF2 of both is copied (one copy, one restart).
  test "pico.install of v0.6.6 copies the VM and atomvmlib as one UF2", %{
    drive: drive,
    tmp_dir: dir
  } do
    System.put_env("XDG_CACHE_HOME", Path.join(dir, "cache"))
    on_exit(fn -> System.delete_env("XDG_CACHE_HOME") end)
    {:ok, vm} = Native.uf2_write(:crypto.strong_rand_bytes(5000), 0x10000000, "rp2040")
    {:ok, lib} = Native.uf2_write(:crypto.strong_rand_bytes(3000), 0x10100000, "rp2040")
    sum = &Base.encode16(:crypto.hash(:sha256, &1), case: :lower)

    routes = %{
      "/v0.6.6/AtomVM-pico-v0.6.6.uf2" => {:ok, vm},
      "/v0.6.6/AtomVM-pico-v0.6.6.uf2.sha256" => {:ok, "#{sum.(vm)}  AtomVM-pico-v0.6.6.uf2\n"},
      "/v0.6.6/atomvmlib-v0.6.6.uf2" => {:ok, lib},
      "/v0.6.6/atomvmlib-v0.6.6.uf2.sha256" => {:ok, "#{sum.(lib)}  atomvmlib-v0.6.6.uf2\n"}
    }

    {_server, base} = AtomVM.Test.HTTPServer.start!(routes)

    Mix.Tasks.Atomvm.Pico.Install.run(
      ~w(--board pico --version v0.6.6 --path #{drive} --mirror #{base})
    )

    [copied] = Path.wildcard(Path.join(drive, "*.uf2"))
    {:ok, regions} = Native.uf2_read(File.read!(copied))
    {:ok, vm_regions} = Native.uf2_read(vm)
    {:ok, lib_regions} = Native.uf2_read(lib)
    assert regions == vm_regions ++ lib_regions
    assert_received {:mix_shell, :info, [line]}
    assert line =~ "AtomVM-pico-v0.6.6.uf2 (sha256 #{sum.(vm)}) and atomvmlib-v0.6.6.uf2"

    # A library that fails its published sum stops the install before any copy.
    File.rm!(copied)
    File.rm_rf!(Path.join(dir, "cache"))
    bad = %{routes | "/v0.6.6/atomvmlib-v0.6.6.uf2" => {:ok, lib <> "x"}}
    {_server, base} = AtomVM.Test.HTTPServer.start!(bad)

    assert_raise Mix.Error, ~r/sha256|checksum/i, fn ->
      Mix.Tasks.Atomvm.Pico.Install.run(
        ~w(--board pico --version v0.6.6 --path #{drive} --mirror #{base})
      )
    end

    assert Path.wildcard(Path.join(drive, "*.uf2")) == []
  end

  test "on OTP 25 a Pico gets v0.6.6 by default, the release that runs its beams" do
    if :erlang.system_info(:otp_release) == ~c"25" do
      assert AtomVM.Boards.default_version(elem(AtomVM.Boards.fetch("pico"), 1)) == "v0.6.6"
    else
      assert AtomVM.Boards.default_version(elem(AtomVM.Boards.fetch("pico"), 1)) =~ "v0.7"
    end
  end
end
