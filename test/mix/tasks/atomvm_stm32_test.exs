defmodule Mix.Tasks.Atomvm.Stm32Test do
  # STM32 flashing without hardware: the second NIF is built on first use (probe-rs,
  # a few minutes cold), then the paths that need no probe are checked.
  use ExUnit.Case, async: false

  alias AtomVM.Native

  @moduletag :tmp_dir
  @moduletag timeout: 900_000

  setup %{tmp_dir: dir} do
    Mix.shell(Mix.Shell.Process)
    on_exit(fn -> Mix.shell(Mix.Shell.IO) end)
    beam = :code.which(:lists) |> to_string()
    app = Path.join(dir, "app.avm")
    lib = Path.join(dir, "atomvmlib.avm")
    {:ok, _} = Native.pack(app, [{:beam, %{path: beam, start: true}}], %{strip_lines: true})
    lists2 = :code.which(:maps) |> to_string()

    {:ok, _} =
      Native.pack(
        lib,
        [{:beam, %{path: lists2, start: false}}, {:beam, %{path: beam, start: false}}],
        %{strip_lines: true}
      )

    %{app: app, lib: lib}
  end

  test "every STM32 board file's chip and application offset reach stm32.flash",
       %{app: app, lib: lib} do
    {:ok, boards} = AtomVM.Boards.list()
    boards = for b <- boards, String.starts_with?(b.chip, "STM32"), do: b
    assert length(boards) >= 2

    for board <- boards do
      {:ok, {offset, _size}} = AtomVM.Boards.app(board.name, nil, "erlang")

      assert_raise Mix.Error, ~r/no debug probe found/, fn ->
        Mix.Tasks.Atomvm.Stm32.Flash.run(
          ~w(--avm #{app} --lib #{lib} --board #{board.name} --probe 0000:0000 --no-check --verbose)
        )
      end

      out = infos()
      from = "(boards/#{board.name}.toml)"
      assert out =~ "chip = #{board.chip}  #{from}", out
      assert out =~ "offset = 0x#{Integer.to_string(offset, 16)}  #{from}", out
      assert out =~ "board = #{board.name}  (--board)", out
    end
  end

  defp infos do
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

  test "--list-probes says there is none, or lists each probe as VID:PID" do
    Mix.Tasks.Atomvm.Stm32.Flash.run(["--list-probes"])

    # (The first run also says that it builds the STM32 NIF.)
    lines =
      Stream.repeatedly(fn ->
        receive do
          {:mix_shell, :info, [line]} -> line
        after
          0 -> nil
        end
      end)
      |> Enum.take_while(& &1)

    listing =
      ~r/^(No debug probe found \(looked for ST-Link, CMSIS-DAP and J-Link|[0-9a-f]{4}:[0-9a-f]{4}(:\S+)?  )/

    assert Enum.any?(lines, &(&1 =~ listing)), inspect(lines)
  end

  test "the library is bundled into the application, then the missing probe is named",
       %{app: app, lib: lib} do
    error =
      assert_raise Mix.Error, fn ->
        Mix.Tasks.Atomvm.Stm32.Flash.run([
          "--avm",
          app,
          "--lib",
          lib,
          "--board",
          "stm32f407vg",
          # A probe no machine has: the outcome does not depend on what is attached.
          "--probe",
          "0000:0000",
          "--no-check"
        ])
      end

    assert error.message =~ "no debug probe found (looked for 0000:0000)"
    assert error.message =~ "--list-probes"

    assert_received {:mix_shell, :info,
                     ["STM32 has no library partition: bundled atomvmlib.avm" <> rest]}

    assert rest =~ "(1 entries already in the application kept)"

    bundle = Path.rootname(app) <> "-with-lib.avm"
    {:ok, entries} = AtomVM.Archive.entries(bundle)
    assert Enum.map(entries, & &1.name) == ["lists.beam", "maps.beam"]
    assert [%{start: true}, %{start: false}] = entries
  end

  test "an archive that does not fit before the end of flash is refused before any probe",
       %{lib: lib, tmp_dir: dir} do
    big = Path.join(dir, "big.avm")
    data = Path.join(dir, "blob")
    File.write!(data, :binary.copy(<<7>>, 0x30000))

    {:ok, _} =
      Native.pack(big, [{:file, %{name: "app/priv/blob", path: data}}], %{strip_lines: true})

    error =
      assert_raise Mix.Error, fn ->
        Mix.Tasks.Atomvm.Stm32.Flash.run([
          "--avm",
          big,
          "--lib",
          lib,
          "--board",
          "stm32f411ce",
          "--no-check"
        ])
      end

    refute error.message =~ "probe"
    assert error.message =~ "0x8060000" or error.message =~ "0x08060000"
  end
end
