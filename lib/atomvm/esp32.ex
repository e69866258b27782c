defmodule AtomVM.ESP32 do
  @moduledoc """
  ESP32 operations (connect, describe, erase, write) run in Rust by the `esp_flash`
  crate (espflash as a library) on a thread of their own; this module starts them,
  draws their progress, and returns their outcome.

  Settings (`t:settings/0`) come from the tasks: the serial `port` (`"auto"`: the only
  USB serial port; several are offered to choose from), `baud`, the expected `chip`,
  and `reset`: `"lines"` (DTR/RTS into the bootloader and a hard reset after; real
  boards) or `"none"` (no control lines: a board already in download mode, a
  pseudo-terminal, a simulated device).
  """

  alias AtomVM.{Native, Progress}

  @typedoc "Connection settings."
  @type settings :: %{
          port: String.t(),
          baud: pos_integer() | nil,
          chip: String.t() | nil,
          reset: String.t()
        }

  @typedoc "A file to write and where (`nil` offset: the device's partition table)."
  @type region :: %{
          path: Path.t(),
          offset: non_neg_integer() | nil,
          size: non_neg_integer() | nil
        }

  @doc "Describes the device: chip, revision, flash size, MAC, partition table."
  @spec info(settings()) :: {:ok, map()} | {:error, term()}
  def info(settings), do: run(op(settings, "info"))

  @doc "Erases the whole flash."
  @spec erase(settings()) :: {:ok, map()} | {:error, term()}
  def erase(settings), do: run(op(settings, "erase"))

  @doc """
  Writes `image` (AtomVM's merged image, at the chip's bootloader offset) and/or `app`
  (an `.avm`, at the device's `main.avm` partition or the given offset), erasing the
  whole flash first when `erase_all`. Nothing is written when a file does not fit.
  """
  @spec flash(settings(), region() | nil, region() | nil, boolean()) ::
          {:ok, map()} | {:error, term()}
  def flash(settings, image, app, erase_all) do
    run(%{op(settings, "flash") | image: image, app: app, erase_all: erase_all})
  end

  defp op(settings, action) do
    %{
      action: action,
      port: settings.port,
      baud: settings[:baud],
      chip: settings[:chip],
      reset: settings[:reset] || "lines",
      image: nil,
      app: nil,
      erase_all: false
    }
  end

  @doc """
  The port to use for `requested`: itself, or for `"auto"` the only USB serial port,
  or the one the user picks when there are several.
  """
  @spec choose_port(String.t()) :: {:ok, String.t()} | {:error, term()}
  def choose_port("auto") do
    case Native.serial_ports() do
      [] ->
        {:error,
         {:native,
          "no USB serial port found: plug the board in (and check its cable carries data), or pass --port DEV"}}

      [one] ->
        {:ok, one.name}

      many ->
        Mix.shell().info("Several USB serial ports:")

        many
        |> Enum.with_index(1)
        |> Enum.each(fn {p, i} -> Mix.shell().info("  #{i}. #{p.name}  #{p.description}") end)

        answer = Mix.shell().prompt("Which one? [1-#{length(many)}]") |> String.trim()

        case Integer.parse(answer) do
          {i, ""} when i in 1..length(many)//1 -> {:ok, Enum.at(many, i - 1).name}
          _ -> {:error, {:native, "no port chosen; pass --port DEV"}}
        end
    end
  end

  def choose_port(port), do: {:ok, port}

  defp run(op) do
    id = Native.esp32_start(op, self())
    await(id, nil)
  end

  defp await(id, bar) do
    receive do
      {:atomvm_esp32, ^id, {:progress, event}} ->
        await(id, progress(event, bar))

      {:atomvm_esp32, ^id, {:done, {:ok, outcome}}} ->
        {:ok, outcome}

      {:atomvm_esp32, ^id, {:done, {:error, message}}} ->
        {:error, {:native, message}}
    end
  end

  # espflash counts chunks (of compressed data), not bytes.
  defp progress({:start, addr, total}, _bar) do
    label = "Writing at 0x" <> Integer.to_string(addr, 16)
    {Progress.new(label, total, :blocks), 0}
  end

  defp progress({:update, current}, {bar, _}), do: {Progress.update(bar, current), current}

  defp progress(:verifying, {bar, current}) do
    Progress.finish(bar, current)
    IO.puts(:stderr, "Verifying (MD5)...")
    {bar, current}
  end

  defp progress({:finish, skipped}, state) do
    if skipped, do: IO.puts(:stderr, "Already on the device: skipped")
    state
  end

  defp progress(_event, state), do: state
end
