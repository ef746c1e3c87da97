// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, useState } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import { useQuery } from "./query";

// React's act() in a test environment that is not jest.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const container = document.createElement("div");
const root = createRoot(container);
afterEach(() => act(() => root.render(null)));
/** Lets the query's answer and TanStack Query's notification (a timer) run, and React render what they caused. */
const settle = () => act(() => new Promise((done) => setTimeout(done, 20)));

/** A page whose data comes from one query answered by `answer`; it records what each render showed. */
function mount(answer: () => Promise<string[]>) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const seen: string[] = [];
  let typed: (text: string) => void = () => {};
  function Page() {
    const rows = useQuery({ queryKey: ["rows"], queryFn: answer });
    const [text, setText] = useState("");
    typed = setText;
    seen.push(`${rows.isPending ? "loading" : rows.isError ? "error" : rows.data!.join(",")}${text && ` (typed ${text})`}`);
    return null;
  }
  act(() =>
    root.render(
      <QueryClientProvider client={client}>
        <Page />
      </QueryClientProvider>,
    ),
  );
  return { seen, client, type: (text: string) => act(() => typed(text)) };
}

describe("useQuery renders a new answer as a deferred update", () => {
  it("keeps showing the previous state whole when the answer arrives, then renders the answer", async () => {
    let resolve!: (rows: string[]) => void;
    const { seen } = mount(() => new Promise((r) => (resolve = r)));
    resolve(["a", "b"]);
    await settle();
    // The store's change renders at once (blocking) with the state it had; the answer comes in a deferred render.
    // Without the deferral: ["loading", "a,b"].
    expect(seen).toEqual(["loading", "loading", "a,b"]);
  });

  it("renders a refetch that changes nothing and an urgent update without deferring", async () => {
    const { seen, client, type } = mount(async () => ["a"]);
    await settle();
    seen.length = 0;
    await act(() => client.invalidateQueries({ queryKey: ["rows"] }));
    await settle();
    type("x");
    expect(seen).toEqual(["a (typed x)"]);
  });

  it("shows an error at once", async () => {
    const { seen } = mount(async () => {
      throw new Error("refused");
    });
    await settle();
    expect(seen).toEqual(["loading", "error"]);
  });
});
