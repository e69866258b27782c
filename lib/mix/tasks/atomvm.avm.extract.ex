defmodule Mix.Tasks.Atomvm.Avm.Extract do
  @shortdoc "Extracts the entries of an AtomVM .avm archive"
  @moduledoc """
  Writes the entries of a PackBEAM archive out as files:

      mix atomvm.avm.extract FILE.avm [--to DIR] [NAME ...]

  Modules are written as `DIR/MODULE.beam` (stripped, as packed) and plain files at
  their path, e.g. `DIR/my_app/priv/data.bin`. With names, only those entries are
  written. `DIR` defaults to the archive's name without `.avm`.

  Nothing is written if an entry name is unsafe (absolute, or with `..`) or a
  requested name is missing; each file is written to a temporary file and renamed.

  ## Options

    * `--to DIR` - the directory to write into (created if needed).
  """
  use Mix.Task

  alias AtomVM.{Archive, Messages}

  @impl Mix.Task
  def run(argv) do
    {path, dir, names} =
      case OptionParser.parse(argv, strict: [to: :string]) do
        {opts, [path | names], []} ->
          {path, opts[:to] || Path.rootname(path, ".avm"), names}

        _ ->
          Mix.raise(
            Messages.message({:usage, "atomvm.avm.extract", "FILE.avm [--to DIR] [NAME ...]"})
          )
      end

    case Archive.extract(path, dir, names) do
      {:ok, written} -> Mix.shell().info("Extracted #{length(written)} entries to #{dir}")
      {:error, reason} -> Mix.raise(Messages.message(reason))
    end
  end
end
