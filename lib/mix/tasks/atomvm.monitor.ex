defmodule Mix.Tasks.Atomvm.Monitor do
  @shortdoc "Shows what a device writes on its serial port"
  @moduledoc """
  A serial monitor for AtomVM devices:

      mix atomvm.monitor [--port auto|DEV] [--baud 115200]

  It prints what the device writes as it comes, survives the device resetting or
  being unplugged (it says so and reconnects when the port is back), and stops
  cleanly on Ctrl-C or Ctrl-] (the terminal is put in raw mode meanwhile and
  restored after).

  ## Options

    * `--port DEV` - the serial device; `auto` (the default) picks the only USB serial
      port or asks which one. Also `atomvm: [port: ...]` or `ATOMVM_PORT`.
    * `--baud N` - default 115200 (AtomVM's console speed). Also
      `atomvm: [monitor_baud: ...]`.
    * `--verbose` - show each setting and where it came from.

  `mix atomvm.esp32.flash --monitor` continues into the monitor after flashing.
  """
  use Mix.Task

  alias AtomVM.{CLI, ESP32, Monitor}
  alias AtomVM.Settings

  @impl Mix.Task
  def run(argv) do
    opts = CLI.parse!("atomvm.monitor", argv, port: :string, baud: :string, verbose: :boolean)
    settings = settings!(opts, CLI.user_config())
    if opts[:verbose], do: Mix.shell().info("Settings:\n" <> Settings.sources(settings))

    port = CLI.ok!(ESP32.choose_port(Settings.value(settings, :port)))

    Monitor.run(port, Settings.value(settings, :baud))
  end

  @doc false
  # The port and baud rate from the switches and the `atomvm:` list, with sources.
  def settings!(opts, user) do
    # The monitor's baud rate is `atomvm: [monitor_baud: ...]` (`baud` is flashing's).
    spec = [port: [default: "auto"], baud: [user_key: :monitor_baud, default: 115_200]]

    case Settings.resolve(spec, opts, user) do
      {:ok, settings} ->
        settings

      {:error, reason} ->
        Mix.raise(AtomVM.Messages.message(reason))
    end
  end
end
