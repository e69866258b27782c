defmodule AtomVM.CLI do
  @moduledoc """
  What every `atomvm.*` task does the same way: strict switch parsing with one clear
  error, the project's `atomvm:` keyword list, and turning `{:error, reason}` into
  `Mix.raise/1` with `AtomVM.Messages`.
  """

  alias AtomVM.Messages

  @doc "Parses `argv` strictly with `switches`; raises on unknown switches or arguments."
  @spec parse!(String.t(), [String.t()], keyword(), keyword()) :: keyword()
  def parse!(task, argv, switches, aliases \\ []) do
    case OptionParser.parse(argv, strict: switches, aliases: aliases) do
      {opts, [], []} -> opts
      {_, _, [_ | _] = invalid} -> Mix.raise(Messages.message({:invalid_options, invalid}))
      {_, [arg | _], _} -> Mix.raise("unexpected argument #{arg} (see mix help #{task})")
    end
  end

  @doc "The current project's `atomvm:` settings (`[]` outside a project)."
  @spec user_config() :: keyword()
  def user_config do
    if Mix.Project.get(), do: Keyword.get(Mix.Project.config(), :atomvm, []), else: []
  end

  @doc "The value of `{:ok, value}`; raises with the message of `{:error, reason}`."
  @spec ok!({:ok, term()} | :ok | {:error, term()}) :: term()
  def ok!({:ok, value}), do: value
  def ok!(:ok), do: :ok
  def ok!({:error, reason}), do: Mix.raise(Messages.message(reason))

  @doc """
  The application archive to write: `given` (which must exist), or the project
  packed by `mix atomvm.packbeam` (its `atomvm: [output: ...]`, default `APP.avm`).
  """
  @spec archive!(Path.t() | nil) :: Path.t()
  def archive!(nil) do
    Mix.Task.run("atomvm.packbeam", [])

    case AtomVM.Packbeam.Config.new(Mix.Project.config(), []) do
      {:ok, config} -> config.output
      {:error, reason} -> Mix.raise(Messages.message(reason))
    end
  end

  def archive!(given) do
    if File.regular?(given), do: given, else: Mix.raise(Messages.message({:not_found, given}))
  end
end
