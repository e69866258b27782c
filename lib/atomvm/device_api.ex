defmodule AtomVM.DeviceAPI do
  @moduledoc """
  What a device running a given AtomVM release provides: the OTP releases whose beams
  it accepts, the instructions it runs, its native functions per platform and the
  exports of the library modules its `atomvmlib` ships.

  The facts are `priv/atomvm_api/TAG.txt` of atomvm_mix, generated from AtomVM's
  sources of each tag by `scripts/atomvm-api` (never edited by hand; `docs/check.md`
  describes the format). `ATOMVM_API_DIR` points at another directory of such files.
  """

  @enforce_keys [:release, :otp, :opcodes, :natives, :libraries]
  defstruct [:release, :otp, :opcodes, :natives, :libraries]

  @typedoc "`module:function/arity` as the files write it."
  @type mfa_text :: String.t()

  @typedoc """
  One release: `otp` is `{min, max}`, `opcodes` maps opcode numbers to names,
  `natives` and `libraries` map a platform (`"all"`, `"esp32"`, `"rp2"`, `"stm32"`,
  `"generic_unix"`, …) to a set of `mfa_text`.
  """
  @type t :: %__MODULE__{
          release: String.t(),
          otp: {pos_integer(), pos_integer()},
          opcodes: %{non_neg_integer() => String.t()},
          natives: %{String.t() => MapSet.t(mfa_text())},
          libraries: %{String.t() => MapSet.t(mfa_text())}
        }

  @doc "The directory the release files are read from."
  @spec dir() :: Path.t()
  def dir do
    case System.get_env("ATOMVM_API_DIR") do
      d when d in [nil, ""] -> Path.join(AtomVM.Cargo.root(), "priv/atomvm_api")
      d -> d
    end
  end

  @doc "The releases there are facts for, oldest first."
  @spec releases() :: [String.t()]
  def releases do
    dir()
    |> Path.join("*.txt")
    |> Path.wildcard()
    |> Enum.map(&Path.basename(&1, ".txt"))
    |> Enum.sort_by(&version/1, Version)
  end

  @doc "Whether `tag` is a stable release (`v0.6.6`), not a pre-release (`v0.7.0-alpha.1`)."
  @spec stable?(String.t()) :: boolean()
  def stable?(tag), do: version(tag).pre == []

  @doc """
  The release to use among `tags` (newest first) for beams of `otp`: the newest stable
  one whose accepted OTP range holds `otp`, else the newest pre-release that does, else
  the first. A release without facts counts as not accepting.
  """
  @spec pick([String.t()], pos_integer()) :: String.t() | nil
  def pick(tags, otp) do
    accepts = Enum.filter(tags, &accepts?(&1, otp))
    Enum.find(accepts, &stable?/1) || List.first(accepts) || List.first(tags)
  end

  defp accepts?(tag, otp) do
    case load(tag) do
      {:ok, %{otp: {min, max}}} -> otp in min..max
      _ -> false
    end
  end

  @doc "The OTP release running this code (the one Mix compiles the project with)."
  @spec running_otp() :: pos_integer()
  def running_otp, do: :erlang.system_info(:otp_release) |> List.to_integer()

  defp version("v" <> v), do: version(v)

  defp version(v) do
    case Version.parse(v) do
      {:ok, version} -> version
      :error -> Version.parse!("0.0.0-" <> v)
    end
  end

  @doc """
  The release to check against when none is given: the newest stable release whose
  accepted OTP range holds `otp` (the OTP that compiled the project), else the newest
  pre-release that does, else the newest release.
  """
  @spec default_release(pos_integer()) :: {:ok, String.t()} | {:error, term()}
  def default_release(otp) do
    case pick(Enum.reverse(releases()), otp) do
      nil -> {:error, {:no_device_api, dir()}}
      tag -> {:ok, tag}
    end
  end

  @doc "Reads the facts of `release`."
  @spec load(String.t()) :: {:ok, t()} | {:error, term()}
  def load(release) do
    path = Path.join(dir(), release <> ".txt")

    case File.read(path) do
      {:ok, text} -> parse(text, path)
      {:error, :enoent} -> {:error, {:unknown_release, release, releases()}}
      {:error, reason} -> {:error, {:file, path, reason}}
    end
  end

  defp parse(text, path) do
    empty = %{release: nil, otp: nil, opcodes: %{}, natives: %{}, libraries: %{}}

    text
    |> String.split("\n")
    |> Enum.with_index(1)
    |> Enum.reduce_while({:ok, empty}, fn {line, n}, {:ok, acc} ->
      case line(String.split(line), acc) do
        {:ok, acc} -> {:cont, {:ok, acc}}
        :error -> {:halt, {:error, {:bad_device_api, path, n, line}}}
      end
    end)
    |> case do
      {:ok, %{release: r, otp: {_, _}} = acc} when is_binary(r) -> {:ok, struct!(__MODULE__, acc)}
      {:ok, _} -> {:error, {:bad_device_api, path, 1, "no release or otp line"}}
      error -> error
    end
  end

  defp line([], acc), do: {:ok, acc}
  defp line(["#" <> _ | _], acc), do: {:ok, acc}
  defp line(["release", tag], acc), do: {:ok, %{acc | release: tag}}

  defp line(["otp", min, max], acc) do
    with {min, ""} <- Integer.parse(min), {max, ""} <- Integer.parse(max) do
      {:ok, %{acc | otp: {min, max}}}
    else
      _ -> :error
    end
  end

  defp line(["opcode", n, name], acc) do
    case Integer.parse(n) do
      {n, ""} -> {:ok, %{acc | opcodes: Map.put(acc.opcodes, n, name)}}
      _ -> :error
    end
  end

  defp line([kind, platform, mfa], acc) when kind in ["native", "library"] do
    key = if kind == "native", do: :natives, else: :libraries
    sets = Map.fetch!(acc, key)
    set = Map.get(sets, platform, MapSet.new()) |> MapSet.put(mfa)
    {:ok, Map.put(acc, key, Map.put(sets, platform, set))}
  end

  defp line(_, _acc), do: :error

  @doc """
  Every function the device provides on `platform` (`nil`: any platform), natives and
  library exports together.
  """
  @spec provided(t(), String.t() | nil) :: MapSet.t(mfa_text())
  def provided(%__MODULE__{} = api, platform) do
    for {p, set} <- Map.to_list(api.natives) ++ Map.to_list(api.libraries),
        platform == nil or p in ["all", platform],
        reduce: MapSet.new() do
      acc -> MapSet.union(acc, set)
    end
  end

  @doc "The platform of a board (`method` of its file): `esp32`, `rp2` or `stm32`."
  @spec platform(String.t()) :: String.t()
  def platform("espflash"), do: "esp32"
  def platform("uf2"), do: "rp2"
  def platform("probe-rs"), do: "stm32"
end
