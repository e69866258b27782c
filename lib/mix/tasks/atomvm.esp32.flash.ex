defmodule Mix.Tasks.Atomvm.Esp32.Flash do
  @shortdoc "Packs the project and writes it to an ESP32 running AtomVM"
  @moduledoc """
  Packs the project (as `mix atomvm.packbeam`) and writes the archive to the
  application partition of an ESP32-family chip that runs AtomVM, in-process with
  espflash: compressed, verified with MD5, then the chip is reset.

      mix atomvm.esp32.flash [--port auto|DEV] [--baud N] [--offset 0x250000]
                             [--avm FILE] [--chip NAME] [--reset lines|none]

  Where the application goes: the device's own `main.avm` partition, read from its
  partition table. `--offset` (or `atomvm: [flash_offset: ...]`, ExAtomVM's key) must
  then agree with it; without a readable table it is used as given, with the size of
  the board file's application partition. Nothing is written when the archive is
  larger than the partition or the offset would overwrite AtomVM itself.

  ## Options

    * `--no-check` - skip `mix atomvm.check`, which otherwise runs first (against
      `--release TAG`, else `atomvm: [release: ...]` or the default release, and the board) and stops
      before anything is written when the archive would fail on the device.
    * `--avm FILE` - write this archive instead of packing the project.
    * `--offset N` - where the application partition starts (`0x250000`).
    * `--monitor` - continue into `mix atomvm.monitor` on the same port (115200 baud).
    * The connection switches (`--port`, `--baud`, `--chip`, `--board`, `--reset`,
      `--verbose`) are those of `mix help atomvm.esp32.info`.
  """
  use Mix.Task

  alias AtomVM.{CLI, ESP32}
  alias AtomVM.Settings
  alias AtomVM.ESP32.Task, as: T

  @impl Mix.Task
  def run(argv) do
    opts =
      T.parse!("atomvm.esp32.flash", argv,
        avm: :string,
        offset: :string,
        monitor: :boolean,
        check: :boolean,
        release: :string
      )

    {settings, connection} = T.settings!(opts, offset: [])

    avm = opts[:avm] |> CLI.archive!() |> CLI.gate!(Settings.value(settings, :board), opts)

    app = %{path: avm, offset: Settings.value(settings, :offset), size: nil}
    outcome = T.ok!(ESP32.flash(connection, nil, app, false))

    for w <- outcome.written do
      Mix.shell().info(
        "Wrote #{w.what} (#{w.size} bytes) at 0x#{Integer.to_string(w.offset, 16)} of the #{outcome.chip} on #{connection.port}; verified."
      )
    end

    if opts[:monitor], do: AtomVM.Monitor.run(connection.port, 115_200)
  end
end
