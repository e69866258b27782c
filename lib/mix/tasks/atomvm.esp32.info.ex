defmodule Mix.Tasks.Atomvm.Esp32.Info do
  @shortdoc "Shows an ESP32's chip, flash, MAC and partition table"
  @moduledoc """
  Connects to an ESP32-family chip's serial bootloader and shows what it is: chip and
  revision, flash size, MAC address, features, its partition table, and whether
  AtomVM is installed (a `main.avm` partition) and where applications go.

      mix atomvm.esp32.info [--port auto|DEV] [--baud N] [--chip esp32s3] [--reset lines|none]

  ## Options

    * `--port DEV` - the serial device; `auto` (the default) picks the only USB serial
      port, or asks which one. Also `atomvm: [port: ...]` or `ATOMVM_PORT`.
    * `--baud N` - baud rate after connecting (default 460800; connecting is always at
      115200). Also `atomvm: [baud: ...]` or `ATOMVM_BAUD`.
    * `--chip NAME` - fail unless the chip is this one (default: the board's chip).
    * `--board NAME` - a board of `mix atomvm.firmware.list`.
    * `--reset none` - touch no DTR/RTS line (the chip is already in download mode, or
      the port is a pseudo-terminal); default `lines`.
    * `--verbose` - show each setting and where it came from.
  """
  use Mix.Task

  alias AtomVM.ESP32
  alias AtomVM.ESP32.Task, as: T

  @impl Mix.Task
  def run(argv) do
    opts = T.parse!("atomvm.esp32.info", argv, [])
    {_settings, connection} = T.settings!(opts, [])
    outcome = T.ok!(ESP32.info(connection))
    Mix.shell().info(format(connection.port, outcome))
  end

  @doc false
  def format(port, o) do
    lines = [
      "Port:       #{port}",
      "Chip:       #{o.chip}#{if o.revision, do: " (revision #{o.revision})"}",
      "Flash size: #{o.flash_size && div(o.flash_size, 1_048_576)} MiB",
      "MAC:        #{o.mac || "-"}",
      "Features:   #{Enum.join(o.features, ", ")}"
    ]

    table =
      case o.partitions do
        nil ->
          ["Partition table: none (erased flash?)", "AtomVM: not installed"]

        parts ->
          rows =
            Enum.map(parts, fn p ->
              "  #{String.pad_trailing(p.label, 16)} #{hex(p.offset)}  #{hex(p.size)}  type #{p.kind}/#{p.subtype}"
            end)

          atomvm =
            case Enum.find(parts, &(&1.label == "main.avm")) do
              nil ->
                "AtomVM: not found (no main.avm partition)"

              p ->
                "AtomVM: installed; applications go to main.avm at #{hex(p.offset)} (#{p.size} bytes)"
            end

          ["Partition table (0x8000):" | rows] ++ [atomvm]
      end

    Enum.join(lines ++ table, "\n")
  end

  defp hex(n), do: "0x" <> String.pad_leading(Integer.to_string(n, 16), 6, "0")
end
