defmodule Mix.Tasks.Atomvm.Pico.Flash do
  @shortdoc "Packs the project and copies it to a Pico's bootloader drive"
  @moduledoc """
  Packs the project, converts it to UF2 (as `mix atomvm.uf2create`) and copies it to
  the Raspberry Pi Pico's bootloader drive, which flashes it and reboots the board:

      mix atomvm.pico.flash [--path MOUNT] [--reset DEV] [--wait 30] [--board pico2]

  The drive (`RPI-RP2` on RP2040, `RP2350` on RP2350) is looked for under
  `/run/media/$USER`, `/media/$USER` and `/Volumes`, or is `--path`. When it is not
  there, `--reset DEV` (or `atomvm: [pico_reset: ...]`) resets a board running AtomVM
  into its bootloader by opening its serial port at 1200 baud; the task then waits
  for the drive with a countdown. Otherwise hold BOOTSEL while plugging the board in.

  ## Options

    * `--no-check` - skip `mix atomvm.check`, which otherwise runs first (against
      `--release TAG`, else `atomvm: [release: ...]` or the default release, and the board) and stops
      before anything is written when the archive would fail on the device.
    * `--path MOUNT` - the bootloader drive's mount point (also `atomvm: [pico_path: ...]`).
    * `--reset DEV` - serial port of a running board to reset first.
    * `--wait SECONDS` - how long to wait for the drive (default 30).
    * `--board`, `--family`, `--app-start`, `--avm` - as for `mix atomvm.uf2create`.
    * `--monitor` - continue into `mix atomvm.monitor` (on `--reset DEV`, or `auto`).
    * `--verbose` - show where each setting came from.

  Precedence: command line > `mix.exs` `atomvm:` (`pico_path`, `pico_reset`, `wait`) >
  environment (`ATOMVM_PICO_PATH`) > defaults.
  """
  use Mix.Task

  alias AtomVM.{CLI, Monitor, Pico, Settings}

  @switches [
    path: :string,
    reset: :string,
    wait: :integer,
    board: :string,
    family: :string,
    app_start: :string,
    avm: :string,
    monitor: :boolean,
    verbose: :boolean,
    check: :boolean,
    release: :string
  ]

  @impl Mix.Task
  def run(argv) do
    opts = CLI.parse!("atomvm.pico.flash", argv, @switches)

    settings =
      CLI.settings!(
        [pico_path: [switch: :path], pico_reset: [switch: :reset], wait: [default: 30]],
        opts
      )

    path = Settings.value(settings, :pico_path)
    reset = Settings.value(settings, :pico_reset)

    {uf2, _output} = Mix.Tasks.Atomvm.Uf2create.build([gate: true] ++ opts)
    drive = drive!(path, reset, Settings.value(settings, :wait))

    CLI.ok!(Pico.copy(uf2, drive, "atomvm-app.uf2"))

    Mix.shell().info(
      "Copied #{byte_size(uf2)} bytes of UF2 to #{drive}; the Pico flashes it and restarts."
    )

    if opts[:monitor], do: Monitor.run(reset || "auto", 115_200)
  end

  @doc false
  # The bootloader drive: `path`, or found; resets the board on `reset` first when no
  # drive is there yet, then waits up to `wait` seconds. Shared with atomvm.pico.install.
  def drive!(path, reset, wait) do
    already = if path, do: Pico.bootloader?(path), else: Pico.drives() != []

    if not already and reset do
      Mix.shell().info("Resetting the Pico on #{reset} into its bootloader (1200-baud touch)")

      CLI.ok!(Pico.reset(reset))
    end

    CLI.ok!(Pico.wait_for_drive(path, if(already, do: 0, else: wait)))
  end
end
