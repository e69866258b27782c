defmodule Mix.Tasks.Atomvm.Esp32Test do
  # The ESP32 tasks end to end, in this process, against a simulated bootloader on a
  # pseudo-terminal: the NIF, espflash and the fake chip (native/esp_fake_rom). Pseudo-
  # terminals have no DTR/RTS lines, hence `--reset none`.
  use ExUnit.Case, async: false

  alias AtomVM.Test.FakeESP32

  @moduletag :tmp_dir
  @moduletag timeout: 300_000

  setup do
    Mix.shell(Mix.Shell.Process)
    on_exit(fn -> Mix.shell(Mix.Shell.IO) end)
    :ok
  end

  defp messages do
    Stream.repeatedly(fn ->
      receive do
        {:mix_shell, :info, [line]} -> line
      after
        0 -> nil
      end
    end)
    |> Enum.take_while(& &1)
    |> Enum.join("\n")
  end

  test "flash writes the archive to the device's main.avm partition", %{tmp_dir: dir} do
    avm = Path.join(dir, "app.avm")
    bytes = :crypto.strong_rand_bytes(20_001)
    File.write!(avm, bytes)
    chip = FakeESP32.start!(["--chip", "esp32", "--table", "210000"])

    Mix.Tasks.Atomvm.Esp32.Flash.run([
      "--avm",
      avm,
      "--port",
      chip.path,
      "--reset",
      "none",
      "--no-check"
    ])

    flash = FakeESP32.stop(chip)

    assert binary_part(flash, 0x210000, byte_size(bytes)) == bytes
    assert messages() =~ "Wrote app.avm (20001 bytes) at 0x210000 of the esp32"
  end

  test "an archive larger than the partition is refused and nothing is written",
       %{tmp_dir: dir} do
    avm = Path.join(dir, "big.avm")
    File.write!(avm, :binary.copy(<<1>>, 0x100001))
    chip = FakeESP32.start!(["--chip", "esp32", "--table", "250000"])

    error =
      assert_raise Mix.Error, fn ->
        Mix.Tasks.Atomvm.Esp32.Flash.run([
          "--avm",
          avm,
          "--port",
          chip.path,
          "--reset",
          "none",
          "--no-check"
        ])
      end

    flash = FakeESP32.stop(chip)
    assert error.message =~ "big.avm is 1048577 bytes, larger than its partition at 0x250000"
    assert binary_part(flash, 0x250000, 16) == :binary.copy(<<0xFF>>, 16)
  end

  test "install writes the image at the chip's offset: 0x0 on esp32s3", %{tmp_dir: dir} do
    image = Path.join(dir, "AtomVM-esp32s3-test.img")
    bytes = :crypto.strong_rand_bytes(50_000)
    File.write!(image, bytes)
    chip = FakeESP32.start!(["--chip", "esp32s3"])

    Mix.Tasks.Atomvm.Esp32.Install.run([
      "--chip",
      "esp32s3",
      "--image",
      image,
      "--port",
      chip.path,
      "--reset",
      "none"
    ])

    flash = FakeESP32.stop(chip)
    assert binary_part(flash, 0, byte_size(bytes)) == bytes
    assert messages() =~ "installed on the esp32s3"
  end

  test "install on an esp32 writes at 0x1000; a different chip is refused", %{tmp_dir: dir} do
    image = Path.join(dir, "vm.img")
    bytes = :crypto.strong_rand_bytes(30_000)
    File.write!(image, bytes)

    chip = FakeESP32.start!(["--chip", "esp32"])
    Mix.Tasks.Atomvm.Esp32.Install.run(["--image", image, "--port", chip.path, "--reset", "none"])
    assert binary_part(FakeESP32.stop(chip), 0x1000, byte_size(bytes)) == bytes

    other = FakeESP32.start!(["--chip", "esp32s3"])

    error =
      assert_raise Mix.Error, fn ->
        Mix.Tasks.Atomvm.Esp32.Install.run([
          "--chip",
          "esp32",
          "--image",
          image,
          "--port",
          other.path,
          "--reset",
          "none"
        ])
      end

    FakeESP32.stop(other)
    assert error.message =~ "is esp32s3, not esp32"
  end

  test "a corrupted write is detected by MD5 verification", %{tmp_dir: dir} do
    avm = Path.join(dir, "app.avm")
    File.write!(avm, :crypto.strong_rand_bytes(4_000))
    chip = FakeESP32.start!(["--chip", "esp32", "--table", "250000", "--corrupt"])

    error =
      assert_raise Mix.Error, fn ->
        Mix.Tasks.Atomvm.Esp32.Flash.run([
          "--avm",
          avm,
          "--port",
          chip.path,
          "--reset",
          "none",
          "--no-check"
        ])
      end

    FakeESP32.stop(chip)
    assert error.message =~ "verification after writing to #{chip.path} failed"
  end

  test "info shows the chip and where applications go" do
    chip = FakeESP32.start!(["--chip", "esp32", "--table", "250000"])
    Mix.Tasks.Atomvm.Esp32.Info.run(["--port", chip.path, "--reset", "none"])
    FakeESP32.stop(chip)
    out = messages()
    assert out =~ "Chip:       esp32"
    assert out =~ "main.avm         0x250000"
    assert out =~ "applications go to main.avm at 0x250000"
  end

  # Every board file whose chip the fake ROM emulates: the task takes the chip from
  # the file (--board only) and writes the image where that board's firmware facts
  # say, in front of the application partition the file gives.
  @emulated ~w(esp32 esp32s2 esp32s3 esp32c3 esp32c6)
  test "every ESP32 board file's chip and image offset reach esp32.install", %{tmp_dir: dir} do
    {:ok, boards} = AtomVM.Boards.list()
    boards = for b <- boards, b.chip in @emulated, do: b
    assert length(boards) >= 5

    offsets =
      for board <- boards do
        {:ok, fw} = AtomVM.Boards.firmware(board.name, nil, nil)
        image = Path.join(dir, "#{board.name}.img")
        bytes = :crypto.strong_rand_bytes(20_000)
        File.write!(image, bytes)
        chip = FakeESP32.start!(["--chip", board.chip])

        Mix.Tasks.Atomvm.Esp32.Install.run([
          "--board",
          board.name,
          "--image",
          image,
          "--port",
          chip.path,
          "--reset",
          "none",
          "--verbose"
        ])

        flash = FakeESP32.stop(chip)
        out = messages()
        assert out =~ "chip = #{board.chip}  (boards/#{board.name}.toml)", out
        assert binary_part(flash, fw.image_offset || 0, byte_size(bytes)) == bytes, board.name
        assert out =~ "applications go to 0x#{Integer.to_string(fw.app_offset, 16)}"
        fw.image_offset || 0
      end

    # The offsets differ between chips: none is a constant of the task.
    assert Enum.uniq(offsets) |> length() > 1
  end

  test "a missing port is one clear error" do
    error =
      assert_raise Mix.Error, fn ->
        Mix.Tasks.Atomvm.Esp32.Info.run(["--port", "/dev/does-not-exist"])
      end

    assert error.message =~ "no serial port /dev/does-not-exist"
  end
end
