"""The call center of `call_center.py` on `AsyncTelnyx`: the same commands, awaited, and a rush hour.

Callers arriving together are enqueued concurrently (`asyncio.gather`); the webhook state
(`CallCenterState.handle`) is the sync example's, since handling an event does no I/O.

    python examples/call_center_async.py     # against the offline sandbox, in process
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from call_center import HOLD_MUSIC, CallCenterState, Desk

from telnyx_conferencing import AsyncTelnyx


@dataclass(kw_only=True)
class AsyncCallCenter(CallCenterState):
    client: AsyncTelnyx
    queue_name: str = "support"

    async def open_desk(self, agent: str, name: str) -> str:
        conference = (
            await self.client.conferences.create(call_control_id=agent, name=name, beep_enabled="on_enter")
        ).data
        self.desks[conference.id] = Desk(agent=agent)
        return conference.id

    async def rush_hour(self, *callers: str) -> None:
        """Enqueue every caller at once; each call retries on its own and keeps its command_id."""
        enqueue = self.client.calls.actions.enqueue
        await asyncio.gather(*(enqueue(c, queue_name=self.queue_name, max_wait_time_secs=600) for c in callers))

    async def take_next(self, desk: str) -> str | None:
        caller = self.next_caller()
        if caller is not None:
            await self.client.conferences.actions.join(desk, call_control_id=caller, beep_enabled="on_enter")
        return caller

    async def hold(self, desk: str, *calls: str) -> None:
        await self.client.conferences.actions.hold(desk, call_control_ids=list(calls), audio_url=HOLD_MUSIC)

    async def close_desk(self, desk: str) -> None:
        await self.client.conferences.actions.end_conference(desk)

    async def roster(self, desk: str) -> list[str]:
        """Who is in the conference now, asked of the API (pages are fetched as the loop needs them)."""
        return [p.call_control_id async for p in self.client.conferences.list_participants(desk, page_size=50)]


async def main() -> None:
    from telnyx_conferencing.sandbox import SandboxHarness
    from telnyx_conferencing.webhooks import unwrap

    with SandboxHarness() as sandbox:
        async with sandbox.async_client() as client:
            center = AsyncCallCenter(client=client)

            async def deliver() -> None:
                await asyncio.to_thread(sandbox.settle)
                for delivery in sandbox.events:
                    center.handle(unwrap(delivery.body, delivery.headers, public_key=sandbox.public_key))

            desk = await center.open_desk("v3:agent-alice", name="support-alice")
            await center.rush_hour(*(f"v3:caller-{n}" for n in range(1, 6)))
            await deliver()
            print("waiting:", len(center.waiting))
            first = await center.take_next(desk)
            await deliver()
            print("took", first, "- in the conference:", await center.roster(desk))
            await center.close_desk(desk)
            await deliver()
            print("ended:", center.desks[desk].ended, "- still waiting:", len(center.waiting))


if __name__ == "__main__":
    asyncio.run(main())
