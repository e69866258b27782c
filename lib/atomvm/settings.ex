defmodule AtomVM.Settings do
  @moduledoc """
    The settings of the flashing tasks (`atomvm.esp32.*`, `atomvm.pico.*`,
  `atomvm.uf2create`, `atomvm.stm32.flash`, `atomvm.monitor`), each from the first
  place that has it:
  the command line, the project's `mix.exs` `atomvm:` keyword list (ExAtomVM's names:
  `port`, `baud`, `chip`, `flash_offset`), the environment (`ATOMVM_PORT`,
  `ATOMVM_BAUD`), the board file, and defaults. `sources/1` says where each came from
  (shown with `--verbose`).
  """

  @defaults %{port: "auto", baud: 460_800, reset: "lines", board: "esp32"}

  # The `atomvm:` key of a setting, where it is not the setting's own name.
  @user_keys %{offset: :flash_offset, family: :uf2_family}

  @typedoc "Resolved settings with their origin."
  @type t :: %{atom() => {term(), String.t()}}

  @doc """
    Resolves `keys` from parsed command-line `opts`, the project's `atomvm:` list
  (`user`, read under the names `user_keys` gives, e.g. `%{baud: :monitor_baud}`), the
  environment and `defaults` (over the ESP32 ones).
  """
  @spec resolve(keyword(), keyword(), [atom()], map(), map()) :: {:ok, t()} | {:error, term()}
  def resolve(opts, user, keys, defaults \\ %{}, user_keys \\ %{}) do
    defaults = Map.merge(@defaults, defaults)
    user_keys = Map.merge(@user_keys, user_keys)

    Enum.reduce_while(keys, {:ok, %{}}, fn key, {:ok, acc} ->
      case lookup(key, opts, user, defaults, user_keys) do
        {:ok, value, source} -> {:cont, {:ok, Map.put(acc, key, {value, source})}}
        {:error, _} = error -> {:halt, error}
      end
    end)
  end

  defp lookup(key, opts, user, defaults, user_keys) do
    user_key = Map.get(user_keys, key, key)
    env = %{port: "ATOMVM_PORT", baud: "ATOMVM_BAUD"}[key]

    cond do
      Keyword.has_key?(opts, key) ->
        convert(key, opts[key], "--#{dash(key)}")

      Keyword.has_key?(user, user_key) ->
        convert(key, user[user_key], "mix.exs atomvm: [#{user_key}: ...]")

      env && System.get_env(env) not in [nil, ""] ->
        convert(key, System.get_env(env), env)

      Map.has_key?(defaults, key) ->
        {:ok, defaults[key], "default"}

      true ->
        {:ok, nil, "unset"}
    end
  end

  defp dash(key), do: key |> Atom.to_string() |> String.replace("_", "-")

  defp convert(key, value, source) when key in [:baud, :offset, :app_start] do
    case integer(value) do
      {:ok, n} -> {:ok, n, source}
      :error -> {:error, {:invalid_setting, key, value, source}}
    end
  end

  defp convert(_key, value, source) when is_atom(value) and not is_nil(value),
    do: {:ok, Atom.to_string(value), source}

  defp convert(_key, value, source), do: {:ok, value, source}

  @doc "Reads `0x250000`, `2424832` or an integer."
  @spec integer(term()) :: {:ok, non_neg_integer()} | :error
  def integer(n) when is_integer(n) and n >= 0, do: {:ok, n}

  def integer("0x" <> hex) do
    case Integer.parse(hex, 16) do
      {n, ""} -> {:ok, n}
      _ -> :error
    end
  end

  def integer(text) when is_binary(text) do
    case Integer.parse(text) do
      {n, ""} when n >= 0 -> {:ok, n}
      _ -> :error
    end
  end

  def integer(_), do: :error

  @doc "The value of `key`."
  @spec value(t(), atom()) :: term()
  def value(settings, key), do: settings |> Map.get(key, {nil, "unset"}) |> elem(0)

  @doc "One line per setting: `key = value (source)`."
  @spec sources(t()) :: String.t()
  def sources(settings) do
    settings
    |> Enum.sort()
    |> Enum.map_join("\n", fn {key, {value, source}} ->
      "  #{key} = #{format(key, value)}  (#{source})"
    end)
  end

  defp format(key, n) when key in [:offset, :app_start] and is_integer(n),
    do: "0x" <> Integer.to_string(n, 16)

  defp format(_key, nil), do: "-"
  defp format(_key, v), do: to_string(v)
end
