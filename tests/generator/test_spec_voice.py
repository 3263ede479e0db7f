"""The project's spec/ covers the whole voice surface on its own: 74 operations, 51 webhooks.

The expected names are what the generator made of Telnyx's published spec (naming rules of
generator/naming.py plus overlays/naming.yaml); these tests read only spec/, so they also run
where ../shared/ is absent.
"""

from __future__ import annotations

import shutil

import pytest

from generator.build import prepare
from generator.plan import Plan
from tests.conftest import PROJECT

EXPECTED_OPERATIONS = {
    "AnswerCall": "calls.actions.answer",
    "BridgeCall": "calls.actions.bridge",
    "CallAddMessagesToAIAssistant": "calls.actions.add_ai_assistant_messages",
    "CallJoinAIAssistant": "calls.actions.join_ai_assistant",
    "CallStartAIAssistant": "calls.actions.start_ai_assistant",
    "CallStartConversationRelay": "calls.actions.start_conversation_relay",
    "CallStopAIAssistant": "calls.actions.stop_ai_assistant",
    "CallStopConversationRelay": "calls.actions.stop_conversation_relay",
    "ConferenceGatherUsingAudio": "conferences.actions.gather_dtmf_audio",
    "ConferenceSendDTMF": "conferences.actions.send_dtmf",
    "CreateConference": "conferences.create",
    "CreateQueue": "queues.create",
    "DeleteQueue": "queues.delete",
    "DialCall": "calls.dial",
    "EndConference": "conferences.actions.end_conference",
    "EnqueueCall": "calls.actions.enqueue",
    "GatherCall": "calls.actions.gather",
    "GatherUsingAudio": "calls.actions.gather_using_audio",
    "GatherUsingSpeak": "calls.actions.gather_using_speak",
    "HangupCall": "calls.actions.hangup",
    "HoldConferenceParticipants": "conferences.actions.hold",
    "JoinConference": "conferences.actions.join",
    "LeaveConference": "conferences.actions.leave",
    "LeaveQueue": "calls.actions.leave_queue",
    "ListConferenceParticipants": "conferences.list_participants",
    "ListConferences": "conferences.list",
    "ListQueueCalls": "queues.calls.list",
    "ListQueues": "queues.list",
    "MuteConferenceParticipants": "conferences.actions.mute",
    "PauseCallRecording": "calls.actions.pause_recording",
    "PauseConferenceRecording": "conferences.actions.record_pause",
    "PlayConferenceAudio": "conferences.actions.play",
    "ReferCall": "calls.actions.refer",
    "RejectCall": "calls.actions.reject",
    "RemoveQueueCall": "queues.calls.remove",
    "ResumeCallRecording": "calls.actions.resume_recording",
    "ResumeConferenceRecording": "conferences.actions.record_resume",
    "RetrieveCallFromQueue": "queues.calls.retrieve",
    "RetrieveCallQueue": "queues.retrieve",
    "RetrieveCallStatus": "calls.retrieve_status",
    "RetrieveConference": "conferences.retrieve",
    "RetrieveConferenceParticipant": "conferences.retrieve_participant",
    "SendDTMF": "calls.actions.send_dtmf",
    "SendSIPInfo": "calls.actions.send_sip_info",
    "SpeakCall": "calls.actions.speak",
    "SpeakTextToConference": "conferences.actions.speak",
    "StartCallFork": "calls.actions.start_forking",
    "StartCallPlayback": "calls.actions.start_playback",
    "StartCallRecord": "calls.actions.start_recording",
    "StartCallStreaming": "calls.actions.start_streaming",
    "StartCallTranscription": "calls.actions.start_transcription",
    "StartConferenceRecording": "conferences.actions.record_start",
    "StartSiprecSession": "calls.actions.start_siprec",
    "StopCallFork": "calls.actions.stop_forking",
    "StopCallGather": "calls.actions.stop_gather",
    "StopCallPlayback": "calls.actions.stop_playback",
    "StopCallRecording": "calls.actions.stop_recording",
    "StopCallStreaming": "calls.actions.stop_streaming",
    "StopCallTranscription": "calls.actions.stop_transcription",
    "StopConferenceAudio": "conferences.actions.stop",
    "StopConferenceRecording": "conferences.actions.record_stop",
    "StopSiprecSession": "calls.actions.stop_siprec",
    "SwitchSupervisorRole": "calls.actions.switch_supervisor_role",
    "TransferCall": "calls.actions.transfer",
    "UnholdConferenceParticipants": "conferences.actions.unhold",
    "UnmuteConferenceParticipants": "conferences.actions.unmute",
    "UpdateCallInQueue": "queues.calls.update",
    "UpdateClientState": "calls.actions.update_client_state",
    "UpdateConference": "conferences.actions.update",
    "UpdateConferenceParticipant": "conferences.update_participant",
    "UpdateQueue": "queues.update",
    "callGatherUsingAI": "calls.actions.gather_using_ai",
    "noiseSuppressionStart": "calls.actions.start_noise_suppression",
    "noiseSuppressionStop": "calls.actions.stop_noise_suppression",
}

EXPECTED_WEBHOOKS = {
    "callAnswered", "callBridged", "callConversationEnded", "callConversationInsightsGenerated", "callCost",
    "callDeepfakeDetectionError", "callDeepfakeDetectionResult", "callDtmfReceived", "callEnqueued",
    "callForkStarted", "callForkStopped", "callGatherEnded", "callHangup", "callHold", "callInitiated",
    "callLeftQueue", "callMachineDetectionEnded", "callMachineGreetingEnded", "callMachinePremiumDetectionEnded",
    "callMachinePremiumGreetingEnded", "callPlaybackEnded", "callPlaybackStarted", "callRecordingError",
    "callRecordingSaved", "callRecordingTranscriptionSaved", "callReferCompleted", "callReferFailed",
    "callReferStarted", "callSiprecFailed", "callSiprecStarted", "callSiprecStopped", "callSpeakEnded",
    "callSpeakStarted", "callStreamingFailed", "callStreamingStarted", "callStreamingStopped", "callUnhold",
    "conferenceCreated", "conferenceEnded", "conferenceFloorChanged", "conferenceParticipantJoined",
    "conferenceParticipantLeft", "conferenceParticipantPlaybackEnded", "conferenceParticipantPlaybackStarted",
    "conferenceParticipantSpeakEnded", "conferenceParticipantSpeakStarted", "conferencePlaybackEnded",
    "conferencePlaybackStarted", "conferenceRecordingSaved", "conferenceSpeakEnded", "conferenceSpeakStarted",
}  # fmt: skip


@pytest.fixture(scope="module")
def voice_plan(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    # A copy of spec/ alone, away from ../shared/: the voice surface must build from it.
    spec = tmp_path_factory.mktemp("voice") / "spec"
    shutil.copytree(PROJECT / "spec", spec)
    plan, _, _ = prepare(spec / "openapi.yaml", surface="voice")
    return plan


def test_voice_surface_has_74_operations_with_the_official_names(voice_plan: Plan) -> None:
    names = {op.operation_id: f"{op.resource}.{op.python_method}" for op in voice_plan.operations}
    assert len(EXPECTED_OPERATIONS) == 74
    assert names == EXPECTED_OPERATIONS
    assert voice_plan.dropped == ()


def test_voice_surface_has_51_webhooks(voice_plan: Plan) -> None:
    assert len(EXPECTED_WEBHOOKS) == 51
    assert {hook.name for hook in voice_plan.webhooks} == EXPECTED_WEBHOOKS


def test_conferencing_surface_is_unchanged() -> None:
    plan, _, _ = prepare(PROJECT / "spec" / "openapi.yaml", surface="conferencing")
    assert len(plan.operations) == 25
    assert len(plan.webhooks) == 16
    assert {op.operation_id for op in plan.operations} <= set(EXPECTED_OPERATIONS)


def test_spec_references_stay_inside_spec() -> None:
    for path in (PROJECT / "spec").rglob("*.yaml"):
        assert "shared/" not in path.read_text(encoding="utf-8").replace("shared.yaml", ""), path
