defmodule AtomVM.Messages do
  @moduledoc """
  Every message a user sees when an `atomvm.*` task stops on an error, keyed by the
  tagged tuples the plain modules return. Tasks pass them to `Mix.raise/1`.
  """

  @doc "The user-facing message for an error reason."
  @spec message(term()) :: String.t()
  def message({:native, message}), do: message

  def message({:no_start_module, app}) do
    """
    no start module for #{inspect(app)}: AtomVM runs start/0 of the start module.
    Set it in mix.exs, `atomvm: [start: MyApp]`, or pass `--start MyApp`.\
    """
  end

  def message({:start_not_found, start, app}) do
    "start module #{inspect(start)} is not a module of #{inspect(app)} or of its runtime " <>
      "dependencies; check `atomvm: [start: ...]` in mix.exs or --start"
  end

  def message({:start_not_exported, start}) do
    "start module #{inspect(start)} does not export start/0, which AtomVM calls to run the program"
  end

  def message({:duplicate_module, module, first, second}) do
    "module #{inspect(module)} is defined twice: in #{first} and in #{second}"
  end

  def message({:invalid_config, key, value, expected}) do
    "invalid `atomvm: [#{key}: #{inspect(value)}]` in mix.exs: expected #{expected}"
  end

  def message({:invalid_options, invalid}) do
    options = Enum.map_join(invalid, ", ", fn {option, _value} -> option end)
    "unknown or invalid options: #{options} (see `mix help` for the task)"
  end

  def message({:checksum, what, source, expected, actual}) do
    "checksum mismatch for #{what}: #{source} says sha256 #{expected}, " <>
      "the file has #{actual}; the download was deleted"
  end

  def message({:http_status, url, status, reason}),
    do: "#{url}: HTTP #{status} #{reason}"

  def message({:http, url, reason}),
    do: "#{url}: #{http_reason(reason)}"

  def message({:truncated, url, size, total}) do
    "download of #{url} ended after #{size} of #{total} bytes; " <>
      "run the command again to resume it"
  end

  def message({:interrupted, url, size, reason}) do
    "download of #{url} was interrupted after #{size} bytes (#{http_reason(reason)}); " <>
      "run the command again to resume it"
  end

  def message({:bad_sidecar, asset, text}),
    do: "#{asset}.sha256 does not hold a sha256 digest: #{inspect(String.slice(text, 0, 80))}"

  def message({:sidecar_names_other_file, asset, other}),
    do: "#{asset}.sha256 is the checksum of another file (#{other})"

  def message({:no_pico_drive, nil, seconds}) do
    "no Pico bootloader drive (RPI-RP2 or RP2350) appeared within #{seconds} s: hold BOOTSEL " <>
      "while plugging the board in, pass --reset DEV to reset a running board, or --path MOUNT"
  end

  def message({:no_pico_drive, dir, _seconds}),
    do: "#{dir} is not a Pico bootloader drive (it has no INFO_UF2.TXT)"

  def message({:copy_failed, target, reason}),
    do: "cannot write #{target}: #{:file.format_error(reason)}"

  def message({:http_client, reason}),
    do: "cannot start OTP's HTTP client (inets/ssl): #{inspect(reason)}"

  def message({:usage, task, usage}), do: "usage: mix #{task} #{usage}"

  def message({:not_found, path}), do: "#{path}: no such file"

  defp http_reason({:failed_connect, _}), do: "cannot connect"
  defp http_reason(:timeout), do: "timed out"
  defp http_reason(:socket_closed_remotely), do: "the server closed the connection"
  defp http_reason(reason), do: inspect(reason)
end
