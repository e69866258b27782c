defmodule AtomVM.Check do
  @moduledoc """
  Finds what in an application archive would fail on a device running a given AtomVM
  release (`AtomVM.DeviceAPI`): remote calls, `fun M:F/A` literals and `apply` with
  atom module and function whose target neither the archive nor the device provides;
  instructions the release does not run; beams of an OTP release it does not accept;
  an archive larger than the board's application partition.

  The archive's modules are read by the NIF (`AtomVM.Native.archive_uses/1`), so the
  check sees exactly the bytes that would be flashed.
  """

  alias AtomVM.{DeviceAPI, Native}

  @typedoc "Where a problem is: `{file, line}` (file `nil` without line information)."
  @type place :: {String.t() | nil, non_neg_integer()}

  @typedoc "One thing that would fail on the device."
  @type problem ::
          {:missing, place(), module :: String.t(), kind :: String.t(), DeviceAPI.mfa_text()}
          | {:instruction, place(), module :: String.t(), name :: String.t(), non_neg_integer()}
          | {:otp, otp :: pos_integer(), {pos_integer(), pos_integer()}}
          | {:too_large, size :: non_neg_integer(), partition :: non_neg_integer(), String.t()}

  @typedoc "What `run/2` reports."
  @type report :: %{
          release: String.t(),
          platform: String.t() | nil,
          modules: non_neg_integer(),
          size: non_neg_integer(),
          partition: non_neg_integer() | nil,
          problems: [problem()]
        }

  @typedoc """
  Options of `run/2`: the `api` to check against, the `platform` (`nil`: any), the
  `otp` release that compiled the beams, and the board's application `partition`
  (size in bytes, and the board's name) when one is known.
  """
  @type option ::
          {:api, DeviceAPI.t()}
          | {:platform, String.t() | nil}
          | {:otp, pos_integer()}
          | {:partition, {non_neg_integer(), String.t()} | nil}

  @doc "Checks the archive at `avm`; problems come sorted, each once."
  @spec run(Path.t(), [option()]) :: {:ok, report()} | {:error, term()}
  def run(avm, opts) do
    api = Keyword.fetch!(opts, :api)
    platform = opts[:platform]

    with {:ok, modules} <- native(Native.archive_uses(avm)),
         {:ok, %{size: size}} <- File.stat(avm) do
      local =
        for m <- modules, {f, a} <- m.exports, into: MapSet.new(), do: "#{m.module}:#{f}/#{a}"

      local_modules = MapSet.new(modules, & &1.module)
      provided = DeviceAPI.provided(api, platform)

      problems =
        Enum.flat_map(modules, &module_problems(&1, api, provided, local, local_modules)) ++
          otp_problems(opts[:otp], api) ++ size_problems(size, opts[:partition])

      {:ok,
       %{
         release: api.release,
         platform: platform,
         modules: length(modules),
         size: size,
         partition: with({n, _} <- opts[:partition], do: n),
         problems: problems |> Enum.uniq() |> Enum.sort_by(&sort_key/1)
       }}
    else
      {:error, reason} when is_atom(reason) -> {:error, {:file, avm, reason}}
      error -> error
    end
  end

  defp native({:ok, value}), do: {:ok, value}
  defp native({:error, message}), do: {:error, {:native, message}}

  defp module_problems(m, api, provided, local, local_modules) do
    calls =
      for {kind, mod, fun, arity, file, line} <- m.calls,
          not available?(mod, fun, arity, provided, local, local_modules) do
        {:missing, {file, line}, m.module, kind, mfa(mod, fun, arity)}
      end

    # Each unsupported instruction once per module, at its first use.
    instructions =
      for {number, name, _count, file, line} <- m.opcodes,
          not Map.has_key?(api.opcodes, number) do
        {:instruction, {file, line}, m.module, name, number}
      end

    calls ++ instructions
  end

  defp mfa(mod, fun, nil), do: "#{mod}:#{fun}/_"
  defp mfa(mod, fun, arity), do: "#{mod}:#{fun}/#{arity}"

  # An apply whose arity is unknown needs the module to have some function of that name.
  defp available?(mod, fun, nil, provided, local, local_modules) do
    prefix = "#{mod}:#{fun}/"

    mod in local_modules or
      Enum.any?(provided, &String.starts_with?(&1, prefix)) or
      Enum.any?(local, &String.starts_with?(&1, prefix))
  end

  defp available?(mod, fun, arity, provided, local, _local_modules) do
    text = "#{mod}:#{fun}/#{arity}"
    MapSet.member?(local, text) or MapSet.member?(provided, text) or module_info?(fun, arity)
  end

  # Every module has module_info/0,1, even when its exports table omits them.
  defp module_info?("module_info", arity), do: arity in [0, 1]
  defp module_info?(_, _), do: false

  defp otp_problems(nil, _api), do: []

  defp otp_problems(otp, %{otp: {min, max} = range}) do
    if otp in min..max, do: [], else: [{:otp, otp, range}]
  end

  defp size_problems(_size, nil), do: []

  defp size_problems(size, {partition, board}) do
    if size > partition, do: [{:too_large, size, partition, board}], else: []
  end

  defp sort_key({:otp, _, _}), do: {0, "", 0, ""}
  defp sort_key({:too_large, _, _, _}), do: {1, "", 0, ""}
  defp sort_key({_, {file, line}, module, _, _} = p), do: {2, file || "~" <> module, line, p}
end
