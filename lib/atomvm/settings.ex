defmodule AtomVM.Settings do
  @moduledoc """
  The settings of the tasks (`atomvm.esp32.*`, `atomvm.pico.*`, `atomvm.uf2create`,
  `atomvm.stm32.flash`, `atomvm.monitor`, the check's release and board, and the
  library `atomvm.run` runs on): one pipeline for all of them.

  Each setting is declared once, in the catalog below: its type, its `atomvm:` key in
  `mix.exs` when that differs from its name (ExAtomVM's names, such as `flash_offset`),
  and its environment variable, if any. Each task declares a *spec*: the settings it
  takes, each with what is particular to that task — the switch (when the task names
  it differently), the `atomvm:` key (the monitor's baud rate is `monitor_baud`), the
  board file's field that supplies it, and its default. There are no defaults shared
  between tasks: an ESP32 baud rate cannot leak into the monitor or a Pico task.

  A setting comes from the first place that has it: the command line, the project's
  `atomvm:` list, the environment, the board file, the task's default. `resolve/4`
  returns the values with where each came from; `sources/1` prints them (`--verbose`).
  """

  @enforce_keys [:values, :sources]
  defstruct values: %{}, sources: %{}

  @typedoc "Resolved settings: each value and where it came from."
  @type t :: %__MODULE__{values: %{atom() => term()}, sources: %{atom() => String.t()}}

  @typedoc """
  A task's settings: each key with its options — `:switch` (the task's switch, when it
  is not the key), `:user_key` (over the catalog's), `:board` (the field of the board's
  facts that supplies it), `:default`.
  """
  @type spec :: [{atom(), keyword()}]

  # One declaration per setting: type, `atomvm:` key (when not the name), environment.
  @catalog %{
    port: [type: :string, env: "ATOMVM_PORT"],
    baud: [type: :integer, env: "ATOMVM_BAUD"],
    chip: [type: :string],
    board: [type: :string],
    reset: [type: :string],
    offset: [type: :integer, user_key: :flash_offset],
    family: [type: :string, user_key: :uf2_family],
    app_start: [type: :integer],
    probe: [type: :string],
    lib: [type: :string],
    release: [type: :string],
    firmware_mirror: [type: :string, env: "ATOMVM_FIRMWARE_MIRROR"],
    firmware_version: [type: :string],
    pico_path: [type: :string, env: "ATOMVM_PICO_PATH"],
    pico_reset: [type: :string],
    wait: [type: :integer]
  }

  @doc "The settings the catalog declares."
  @spec known() :: [atom()]
  def known, do: @catalog |> Map.keys() |> Enum.sort()

  @doc """
  Resolves a task's `spec` from parsed command-line `opts` and the project's `atomvm:`
  list (`user`); `board_facts` gives the facts of a board by name (`{:ok, map}`), for
  the settings the spec takes from the board file (the board is resolved first).
  """
  @spec resolve(spec(), keyword(), keyword(), (String.t() -> {:ok, map()} | {:error, term()})) ::
          {:ok, t()} | {:error, term()}
  def resolve(spec, opts, user, board_facts \\ fn _ -> {:ok, %{}} end) do
    {from_board, direct} = Enum.split_with(spec, fn {_key, o} -> Keyword.has_key?(o, :board) end)
    # The board first: other settings may come from its file.
    {board_first, rest} = Enum.split_with(direct, fn {key, _} -> key == :board end)

    with {:ok, settings} <- reduce(board_first ++ rest, new(), &lookup(&1, opts, user, nil)),
         {:ok, facts, file} <- facts(settings, from_board, board_facts) do
      reduce(from_board, settings, &lookup(&1, opts, user, {facts, file}))
    end
  end

  defp new, do: %__MODULE__{values: %{}, sources: %{}}

  defp reduce(spec, settings, lookup) do
    Enum.reduce_while(spec, {:ok, settings}, fn {key, _} = entry, {:ok, acc} ->
      case lookup.(entry) do
        {:ok, value, source} -> {:cont, {:ok, put(acc, key, value, source)}}
        {:error, _} = error -> {:halt, error}
      end
    end)
  end

  defp facts(_settings, [], _board_facts), do: {:ok, %{}, nil}

  defp facts(settings, _from_board, board_facts) do
    case value(settings, :board) do
      nil ->
        {:ok, %{}, nil}

      board ->
        with {:ok, facts} <- board_facts.(board), do: {:ok, facts, "boards/#{board}.toml"}
    end
  end

  defp lookup({key, o}, opts, user, board) do
    declared = Map.fetch!(@catalog, key)
    switch = Keyword.get(o, :switch, key)
    user_key = Keyword.get(o, :user_key, Keyword.get(declared, :user_key, key))
    env = declared[:env]
    type = declared[:type]

    cond do
      Keyword.has_key?(opts, switch) ->
        convert(key, type, opts[switch], "--#{dash(switch)}")

      Keyword.has_key?(user, user_key) ->
        convert(key, type, user[user_key], "mix.exs atomvm: [#{user_key}: ...]")

      env && System.get_env(env) not in [nil, ""] ->
        convert(key, type, System.get_env(env), env)

      board_value(board, o[:board]) != nil ->
        {facts, file} = board
        {:ok, facts[o[:board]], file}

      Keyword.has_key?(o, :default) ->
        {:ok, o[:default], "default"}

      true ->
        {:ok, nil, "unset"}
    end
  end

  defp board_value({facts, _file}, field) when not is_nil(field), do: facts[field]
  defp board_value(_, _), do: nil

  defp dash(key), do: key |> Atom.to_string() |> String.replace("_", "-")

  defp convert(key, :integer, value, source) do
    case integer(value) do
      {:ok, n} -> {:ok, n, source}
      :error -> {:error, {:invalid_setting, key, value, source}}
    end
  end

  defp convert(_key, :string, value, source) when is_atom(value) and not is_nil(value),
    do: {:ok, Atom.to_string(value), source}

  defp convert(_key, _type, value, source), do: {:ok, value, source}

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

  @doc "The value of `key` (`nil` when unset)."
  @spec value(t(), atom()) :: term()
  def value(%__MODULE__{values: values}, key), do: Map.get(values, key)

  @doc "Where the value of `key` came from (`\"unset\"` when nowhere)."
  @spec source(t(), atom()) :: String.t()
  def source(%__MODULE__{sources: sources}, key), do: Map.get(sources, key, "unset")

  @doc "Sets `key` to `value`, which came from `source`."
  @spec put(t(), atom(), term(), String.t()) :: t()
  def put(%__MODULE__{} = s, key, value, source) do
    %{s | values: Map.put(s.values, key, value), sources: Map.put(s.sources, key, source)}
  end

  @doc "One line per setting: `key = value (source)`."
  @spec sources(t()) :: String.t()
  def sources(%__MODULE__{values: values} = settings) do
    values
    |> Enum.sort()
    |> Enum.map_join("\n", fn {key, value} ->
      "  #{key} = #{format(key, value)}  (#{source(settings, key)})"
    end)
  end

  defp format(key, n) when key in [:offset, :app_start] and is_integer(n),
    do: "0x" <> Integer.to_string(n, 16)

  defp format(_key, nil), do: "-"
  defp format(_key, v), do: to_string(v)
end
