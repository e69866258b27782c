defmodule AtomVM.Packbeam.Config do
  @defaults [prune: false, strip_lines: false, include_stdlib: false]

  @moduledoc """
  Settings of `mix atomvm.packbeam`, merged from the command line (first), the
  project's `atomvm:` keyword list in `mix.exs`, and defaults.

  | key              | switch             | default          |
  |------------------|--------------------|------------------|
  | `start`          | `--start MOD`      | none (required)  |
  | `output`         | `--output`, `-o`   | `APP.avm`        |
  | `prune`          | `--prune`          | `#{@defaults[:prune]}` |
  | `strip_lines`    | `--strip-lines`    | `#{@defaults[:strip_lines]}` |
  | `include_stdlib` | `--include-stdlib` | `#{@defaults[:include_stdlib]}` |

  `start` and `output` are also ExAtomVM's names for these settings.
  """

  @enforce_keys [:app, :output]
  defstruct [:app, :start, :output] ++ @defaults

  @typedoc "Validated packing settings."
  @type t :: %__MODULE__{
          app: atom(),
          start: module() | nil,
          output: Path.t(),
          prune: boolean(),
          strip_lines: boolean(),
          include_stdlib: boolean()
        }

  @doc """
  Builds the settings from the project config (`Mix.Project.config/0`) and parsed
  command-line options. Returns `{:error, reason}` naming the first invalid key.
  """
  @spec new(keyword(), keyword()) :: {:ok, t()} | {:error, term()}
  def new(project, cli) do
    app = Keyword.fetch!(project, :app)
    user = Keyword.get(project, :atomvm, [])

    with :ok <- validate_keyword(user),
         {:ok, start} <- start(cli[:start], user[:start]),
         {:ok, output} <- output(cli[:output] || user[:output] || "#{app}.avm"),
         {:ok, flags} <- booleans(cli, user) do
      {:ok, struct!(__MODULE__, [app: app, start: start, output: output] ++ flags)}
    end
  end

  @doc """
  Reads a module name as typed on the command line: `MyApp.Main` is an Elixir module,
  `my_mod` or `:my_mod` an Erlang one.
  """
  @spec parse_module(String.t()) :: module()
  def parse_module(":" <> erlang), do: String.to_atom(erlang)
  def parse_module("Elixir." <> _ = name), do: String.to_atom(name)

  def parse_module(name) do
    if name =~ ~r/^[A-Z]/, do: Module.concat([name]), else: String.to_atom(name)
  end

  defp validate_keyword(user) do
    if Keyword.keyword?(user),
      do: :ok,
      else: {:error, {:invalid_config, :atomvm, user, "a keyword list"}}
  end

  defp start(cli, _user) when is_binary(cli), do: {:ok, parse_module(cli)}
  defp start(nil, user) when is_atom(user), do: {:ok, user}
  defp start(nil, user), do: {:error, {:invalid_config, :start, user, "a module name"}}

  defp output(path) when is_binary(path) and path != "", do: {:ok, path}
  defp output(path), do: {:error, {:invalid_config, :output, path, "a file path"}}

  defp booleans(cli, user) do
    Enum.reduce_while(@defaults, {:ok, []}, fn {key, default}, {:ok, acc} ->
      case Keyword.get(cli, key, Keyword.get(user, key, default)) do
        value when is_boolean(value) -> {:cont, {:ok, [{key, value} | acc]}}
        value -> {:halt, {:error, {:invalid_config, key, value, "true or false"}}}
      end
    end)
  end
end
