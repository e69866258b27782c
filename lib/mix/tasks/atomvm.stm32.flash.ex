defmodule Mix.Tasks.Atomvm.Stm32.Flash do
  @shortdoc "Packs the project with AtomVM's library and flashes it to an STM32"
  @moduledoc """
  Flashes the project to an STM32 running AtomVM through a debug probe (ST-Link,
  CMSIS-DAP, J-Link), in-process with probe-rs: erase, write, verify, reset, with a
  progress bar.

      mix atomvm.stm32.flash [--board stm32f407vg | --chip STM32F407VGTx]
                             [--probe VID:PID[:SERIAL]] [--offset 0x08080000]
                             [--lib atomvmlib.avm] [--avm FILE] [--list-probes]

  STM32 builds of AtomVM have no library partition: the task bundles AtomVM's
  library into the application archive (`APP-with-lib.avm`) and says so. The library
  is AtomVM's `atomvmlib-<tag>.avm`, downloaded and verified like firmware (see `mix
  help atomvm.firmware.fetch`), or `--lib FILE`.

  The application goes to the board file's application partition (`0x08080000`, or
  `0x08060000` on 512 KiB parts such as the STM32F411CE), or to `--offset`; it must
  fit before the end of that partition.

  Probe-rs support is a second NIF built on first use (a few minutes, once), so that
  projects that never flash an STM32 do not pay for it.

  ## Options

    * `--no-check` - skip `mix atomvm.check`, which otherwise runs first (against the
      `--version` release, else `atomvm: [release: ...]` or the default one, and the board) and stops
      before anything is written when the archive would fail on the device.
    * `--board NAME` - `stm32f407vg`, `stm32f411ce` (see `mix atomvm.firmware.list`);
      also `atomvm: [board: ...]`.
    * `--chip NAME` - the probe-rs target name, overriding the board's.
    * `--probe VID:PID[:SERIAL]` - which probe, when several are attached.
    * `--offset ADDR` - the application's address (also `atomvm: [flash_offset: ...]`).
    * `--lib FILE` - AtomVM's library archive to bundle (offline use).
    * `--version TAG` - which AtomVM release's library to download.
    * `--avm FILE` - the application archive instead of packing the project.
            * `--list-probes` - list the attached probes and stop.
    * `--monitor` - continue into `mix atomvm.monitor` on `--port` (default `auto`:
      the only USB serial port, e.g. the board's USB-UART) at 115200 baud.
    * `--verbose` - show each setting and where it came from (command line > `mix.exs`
      `atomvm:` > environment > board file > defaults).
  """
  use Mix.Task

  alias AtomVM.{CLI, Firmware, Progress}
  alias AtomVM.Settings
  alias AtomVM.Native.STM32

  @switches [
    board: :string,
    chip: :string,
    probe: :string,
    offset: :string,
    lib: :string,
    version: :string,
    avm: :string,
    list_probes: :boolean,
    monitor: :boolean,
    port: :string,
    verbose: :boolean,
    check: :boolean
  ]

  @impl Mix.Task
  def run(argv) do
    opts = CLI.parse!("atomvm.stm32.flash", argv, @switches)
    STM32.ensure_loaded!()

    if opts[:list_probes] do
      list_probes()
    else
      flash(opts)
    end
  end

  defp list_probes do
    case CLI.ok!(native(STM32.probes())) do
      [] ->
        Mix.shell().info(
          "No debug probe found (looked for ST-Link, CMSIS-DAP and J-Link probes on USB)."
        )

      probes ->
        for p <- probes do
          id = "#{hex(p.vendor_id)}:#{hex(p.product_id)}#{if p.serial, do: ":" <> p.serial}"

          access =
            if p.accessible, do: "", else: "  (no permission: install probe-rs's udev rules)"

          Mix.shell().info("#{id}  #{p.identifier}#{access}")
        end
    end
  end

  defp hex(n), do: n |> Integer.to_string(16) |> String.pad_leading(4, "0") |> String.downcase()

  defp flash(opts) do
    user = CLI.user_config()
    # The chip and the application's offset come from the board file.
    spec = [
      board: [default: "stm32f407vg"],
      chip: [board: :chip],
      offset: [board: :app_offset],
      probe: [],
      lib: []
    ]

    facts = fn board ->
      with {:ok, board_spec} <- AtomVM.Boards.fetch(board),
           {:ok, {offset, _}} <- AtomVM.Boards.app(board, opts[:version], "erlang") do
        {:ok, %{chip: board_spec.chip, app_offset: offset}}
      end
    end

    settings =
      case Settings.resolve(spec, opts, user, facts) do
        {:ok, settings} -> settings
        {:error, reason} -> Mix.raise(AtomVM.Messages.message(reason))
      end

    board = Settings.value(settings, :board)
    # The board file's application partition: where it starts, and where the flash
    # it may use ends.
    {app_offset, app_size} = CLI.ok!(AtomVM.Boards.app(board, opts[:version], "erlang"))

    if opts[:verbose], do: Mix.shell().info("Settings:\n" <> Settings.sources(settings))

    lib = Settings.value(settings, :lib) || download_library(board, opts[:version])
    offset = Settings.value(settings, :offset)
    chip = Settings.value(settings, :chip)
    target = %{chip: chip, app_offset: offset, app_size: max(app_offset + app_size - offset, 0)}

    app = opts[:avm] |> CLI.archive!() |> CLI.gate!(board, opts)

    bundle = Path.rootname(app) <> "-with-lib.avm"
    skipped = CLI.ok!(AtomVM.Archive.concat(bundle, [app, lib]))

    Mix.shell().info(
      "STM32 has no library partition: bundled #{Path.basename(lib)} into #{bundle}" <>
        if(skipped > 0, do: " (#{skipped} entries already in the application kept)", else: "")
    )

    size = File.stat!(bundle).size
    CLI.ok!(check(size, target))
    id = STM32.flash_start(bundle, target, Settings.value(settings, :probe) || "", self())
    await(id, nil)

    Mix.shell().info(
      "Flashed #{size} bytes at 0x#{Integer.to_string(offset, 16)} of the #{target.chip}; verified and reset."
    )

    if opts[:monitor] do
      port = CLI.ok!(AtomVM.ESP32.choose_port(opts[:port] || "auto"))
      AtomVM.Monitor.run(port, 115_200)
    end
  end

  defp check(size, target), do: native(STM32.check(size, target))

  # The NIF's `{:error, message}` as a reason AtomVM.Messages shows.
  defp native({:error, message}) when is_binary(message), do: {:error, {:native, message}}
  defp native(result), do: result

  defp download_library(board, version) do
    fetched = CLI.ok!(Firmware.fetch(board, version: version, flavor: "erlang"))
    fetched.path
  end

  defp await(id, bar) do
    receive do
      {:atomvm_stm32, ^id, {:progress, event}} -> await(id, progress(event, bar))
      {:atomvm_stm32, ^id, {:done, :ok}} -> :ok
      {:atomvm_stm32, ^id, {:done, {:error, message}}} -> CLI.ok!(native({:error, message}))
    end
  end

  defp progress({phase, done, total}, bar) when phase in [:erasing, :programming] do
    label = if phase == :erasing, do: "Erasing    ", else: "Programming"

    case bar do
      {^phase, b} -> {phase, Progress.update(b, done)}
      _ -> {phase, Progress.update(Progress.new(label, total), done)}
    end
  end

  defp progress(:verifying, bar) do
    IO.puts(:stderr, "Verifying...")
    bar
  end

  defp progress(_event, bar), do: bar
end
