defmodule AtomVM.Test.HTTPServer do
  @moduledoc """
  A small HTTP/1.1 server for the download tests, on a random local port. Routes map
  a path to `{:ok, body}` (honouring `Range: bytes=N-` with a 206), `{:status, code}`,
  or `{:truncate, body, n}` (announces the full length, sends `n` bytes, closes).
  Every request is recorded, so tests can check what was (not) asked for.
  """

  use Agent

  @doc "Starts a server for `routes`; returns `{pid, base_url}`."
  def start!(routes) do
    {:ok, agent} = Agent.start_link(fn -> %{routes: routes, requests: []} end)

    {:ok, socket} =
      :gen_tcp.listen(0, [:binary, packet: :http_bin, active: false, reuseaddr: true])

    {:ok, port} = :inet.port(socket)
    spawn_link(fn -> accept(socket, agent) end)
    {agent, "http://127.0.0.1:#{port}"}
  end

  @doc "Replaces the routes."
  def set_routes(agent, routes), do: Agent.update(agent, &%{&1 | routes: routes})

  @doc "The requests so far, oldest first: `{path, range_header | nil}`."
  def requests(agent), do: Agent.get(agent, &Enum.reverse(&1.requests))

  defp accept(socket, agent) do
    case :gen_tcp.accept(socket) do
      {:ok, client} ->
        pid = spawn(fn -> serve(client, agent) end)
        :ok = :gen_tcp.controlling_process(client, pid)
        send(pid, :go)
        accept(socket, agent)

      {:error, _} ->
        :ok
    end
  end

  defp serve(client, agent) do
    receive do
      :go -> :ok
    end

    {:ok, {:http_request, :GET, {:abs_path, path}, _}} = :gen_tcp.recv(client, 0, 5_000)
    headers = read_headers(client, %{})
    range = headers["range"]
    Agent.update(agent, &%{&1 | requests: [{path, range} | &1.requests]})
    route = Agent.get(agent, &Map.get(&1.routes, path, {:status, 404}))
    :ok = :inet.setopts(client, packet: :raw)
    respond(client, route, range)
    :gen_tcp.close(client)
  end

  defp read_headers(client, acc) do
    case :gen_tcp.recv(client, 0, 5_000) do
      {:ok, {:http_header, _, name, _, value}} ->
        read_headers(client, Map.put(acc, String.downcase(to_string(name)), value))

      {:ok, :http_eoh} ->
        acc
    end
  end

  defp respond(client, {:ok, body}, "bytes=" <> from) do
    {start, "-"} = Integer.parse(from)
    rest = binary_part(body, start, byte_size(body) - start)

    send_response(
      client,
      206,
      [
        {"content-range", "bytes #{start}-#{byte_size(body) - 1}/#{byte_size(body)}"}
      ],
      rest,
      byte_size(rest)
    )
  end

  defp respond(client, {:ok, body}, _), do: send_response(client, 200, [], body, byte_size(body))

  defp respond(client, {:truncate, body, n}, _),
    do: send_response(client, 200, [], binary_part(body, 0, n), byte_size(body))

  defp respond(client, {:status, code}, _), do: send_response(client, code, [], "", 0)

  defp send_response(client, code, headers, body, length) do
    head =
      [
        "HTTP/1.1 #{code} #{reason(code)}\r\n",
        "content-length: #{length}\r\n",
        "connection: close\r\n"
      ] ++
        Enum.map(headers, fn {k, v} -> "#{k}: #{v}\r\n" end) ++ ["\r\n"]

    :gen_tcp.send(client, [head, body])
  end

  defp reason(200), do: "OK"
  defp reason(206), do: "Partial Content"
  defp reason(404), do: "Not Found"
  defp reason(_), do: "Error"
end
