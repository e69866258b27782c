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

  def message({:usage, task, usage}), do: "usage: mix #{task} #{usage}"

  def message({:not_found, path}), do: "#{path}: no such file"
end
