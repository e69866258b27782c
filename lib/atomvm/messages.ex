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

  def message({:bad_uf2, what, message}), do: "cannot merge #{what} into one UF2: #{message}"

  def message({:copy_failed, target, reason}),
    do: "cannot write #{target}: #{:file.format_error(reason)}"

  def message({:http_client, reason}),
    do: "cannot start OTP's HTTP client (inets/ssl): #{inspect(reason)}"

  def message({:usage, task, usage}), do: "usage: mix #{task} #{usage}"

  def message({:invalid_setting, key, value, source}),
    do: "invalid #{key} #{inspect(value)} from #{source}: expected #{expected(key)}"

  def message({:unexpected_argument, arg, task}),
    do: "unexpected argument #{arg} (see mix help #{task})"

  def message(:no_board_given),
    do: "which board? pass --board NAME (see mix atomvm.firmware.list)"

  def message({:host_vm_not_built, path}),
    do: "the host VM is not built (#{path}); run without --no-build"

  def message({:host_vm_env, given}), do: "ATOMVM_HOST_VM=#{given}: no such executable"

  def message({:cargo_no_output, crate, what}),
    do: "cargo reported no #{what} for the #{crate} crate"

  def message({:nif_load, path, reason, text}), do: "cannot load #{path}: #{reason} #{text}"

  def message({:not_found, path}), do: "#{path}: no such file"

  def message({:unknown_release, release, known}) do
    "no facts about AtomVM #{release}: the releases atomvm_mix knows are " <>
      Enum.join(known, ", ") <> " (scripts/atomvm-api generates more)"
  end

  def message({:no_app_partition, board, version, flavor}) do
    "boards/#{board}.toml has no [[app]] rule for AtomVM #{version} (#{flavor}): " <>
      "add one with the application partition's offset and size"
  end

  def message({:no_uf2_family, board}),
    do: "boards/#{board}.toml has no uf2_family: it is not a board flashed with UF2"

  def message({:unknown_board, name, known}),
    do: "no board named #{name}; the boards are #{Enum.join(known, ", ")}"

  def message(:no_release_server),
    do: "no board file names AtomVM's release server (a [firmware] base_url)"

  def message({:no_device_api, dir}),
    do: "#{dir} holds no AtomVM release facts (TAG.txt files made by scripts/atomvm-api)"

  def message({:bad_device_api, path, line, text}),
    do: "#{path}:#{line}: not a line of an AtomVM release file: #{inspect(text)}"

  def message({:file, path, reason}), do: "#{path}: #{:file.format_error(reason)}"

  def message({:check_failed, count, release}) do
    "#{plural(count, "problem")} would fail on AtomVM #{release}; " <>
      "fix them, check against another release with --release, or pass --no-check"
  end

  @doc "What `mix atomvm.run --lib device` says about the library it runs on."
  @spec device_library(String.t(), map()) :: String.t()
  def device_library(release, fetched) do
    how =
      %{cache: "cached", download: "downloaded, verified", local: "local file"}[fetched.source]

    "Running on AtomVM #{release}'s library #{Path.basename(fetched.path)} (#{how})"
  end

  @doc "One line for a problem `AtomVM.Check` found."
  @spec check_problem(AtomVM.Check.problem(), String.t()) :: String.t()
  def check_problem({:missing, place, module, kind, target}, release) do
    verb = %{"call" => "calls", "fun" => "makes a fun of", "apply" => "applies"}[kind]

    "#{place(place)}: #{module_name(module)} #{verb} #{function_name(target)}, " <>
      "which is not in AtomVM #{release}"
  end

  def check_problem({:instruction, place, module, name, number}, release) do
    "#{place(place)}: #{module_name(module)} uses the instruction #{name} (#{number}), " <>
      "which AtomVM #{release} does not run"
  end

  def check_problem({:otp, otp, {min, max}}, release) do
    "the beams were compiled by OTP #{otp}; AtomVM #{release} runs those of OTP #{min}-#{max}"
  end

  def check_problem({:too_large, size, partition, board}, _release) do
    "the archive is #{bytes(size)}, larger than the #{bytes(partition)} application " <>
      "partition of #{board}"
  end

  @doc "The summary line of a check report."
  @spec check_summary(AtomVM.Check.report()) :: String.t()
  def check_summary(report) do
    platform = report.platform || "any platform"

    found =
      if report.problems == [],
        do: "no problems",
        else: plural(length(report.problems), "problem")

    room = if report.partition, do: " of #{bytes(report.partition)}", else: ""

    "AtomVM #{report.release} (#{platform}): #{found} in #{plural(report.modules, "module")}; " <>
      "archive #{bytes(report.size)}#{room}"
  end

  defp place({nil, _line}), do: "(no line information)"
  defp place({file, 0}), do: file
  defp place({file, line}), do: "#{file}:#{line}"

  defp module_name("Elixir." <> name), do: name
  defp module_name(name), do: name

  defp function_name("Elixir." <> rest), do: String.replace(rest, ":", ".", global: false)
  defp function_name(text), do: text

  defp bytes(n) do
    digits = n |> Integer.to_string() |> String.reverse() |> String.graphemes()

    grouped =
      digits |> Enum.chunk_every(3) |> Enum.map_join(",", &Enum.join/1) |> String.reverse()

    "#{grouped} bytes"
  end

  defp plural(1, noun), do: "1 #{noun}"
  defp plural(n, noun), do: "#{n} #{noun}s"

  defp expected(key) when key in [:offset, :app_start], do: "an address such as 0x250000"
  defp expected(:baud), do: "a number of bits per second such as 115200"
  defp expected(_key), do: "a valid value"

  defp http_reason({:failed_connect, _}), do: "cannot connect"
  defp http_reason(:timeout), do: "timed out"
  defp http_reason(:socket_closed_remotely), do: "the server closed the connection"
  defp http_reason(reason), do: inspect(reason)
end
