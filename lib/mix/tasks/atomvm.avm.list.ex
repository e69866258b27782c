defmodule Mix.Tasks.Atomvm.Avm.List do
  @shortdoc "Lists the entries of an AtomVM .avm archive"
  @moduledoc """
  Lists the entries of a PackBEAM archive, one per line:

      mix atomvm.avm.list FILE.avm

  Each line shows `*` for the start module, the section flags (`0x03` start module,
  `0x02` module, `0x04` plain file), the kind, the size in bytes and the name. A
  malformed archive stops with a message saying what is wrong and at which byte.
  """
  use Mix.Task

  alias AtomVM.{Archive, Messages}

  @impl Mix.Task
  def run(argv) do
    path =
      case OptionParser.parse(argv, strict: []) do
        {[], [path], []} -> path
        _ -> Mix.raise(Messages.message({:usage, "atomvm.avm.list", "FILE.avm"}))
      end

    case Archive.entries(path) do
      {:ok, entries} -> Mix.shell().info(Archive.format_listing(path, entries))
      {:error, reason} -> Mix.raise(Messages.message(reason))
    end
  end
end
