# The names the models package provides (it loads each on first use; see __init__.py).
from .aws_voice_settings import AWSVoiceSettings as AWSVoiceSettings
from .aws_voice_settings_type import AWSVoiceSettingsType as AWSVoiceSettingsType
from .azure_voice_settings import AzureVoiceSettings as AzureVoiceSettings
from .azure_voice_settings_effect import AzureVoiceSettingsEffect as AzureVoiceSettingsEffect
from .azure_voice_settings_gender import AzureVoiceSettingsGender as AzureVoiceSettingsGender
from .azure_voice_settings_type import AzureVoiceSettingsType as AzureVoiceSettingsType
from .call_control_command_response import CallControlCommandResponse as CallControlCommandResponse
from .call_control_command_result import CallControlCommandResult as CallControlCommandResult
from .call_control_error import CallControlError as CallControlError
from .call_control_error_meta import CallControlErrorMeta as CallControlErrorMeta
from .call_control_error_source import CallControlErrorSource as CallControlErrorSource
from .call_control_errors import CallControlErrors as CallControlErrors
from .call_enqueued import CallEnqueued as CallEnqueued
from .call_enqueued_event import CallEnqueuedEvent as CallEnqueuedEvent
from .call_enqueued_event_type import CallEnqueuedEventType as CallEnqueuedEventType
from .call_enqueued_payload import CallEnqueuedPayload as CallEnqueuedPayload
from .call_enqueued_record_type import CallEnqueuedRecordType as CallEnqueuedRecordType
from .call_left_queue import CallLeftQueue as CallLeftQueue
from .call_left_queue_event import CallLeftQueueEvent as CallLeftQueueEvent
from .call_left_queue_event_type import CallLeftQueueEventType as CallLeftQueueEventType
from .call_left_queue_payload import CallLeftQueuePayload as CallLeftQueuePayload
from .call_left_queue_payload_reason import CallLeftQueuePayloadReason as CallLeftQueuePayloadReason
from .call_left_queue_record_type import CallLeftQueueRecordType as CallLeftQueueRecordType
from .conference import Conference as Conference
from .conference_command_response import ConferenceCommandResponse as ConferenceCommandResponse
from .conference_command_result import ConferenceCommandResult as ConferenceCommandResult
from .conference_created import ConferenceCreated as ConferenceCreated
from .conference_created_event import ConferenceCreatedEvent as ConferenceCreatedEvent
from .conference_created_event_type import ConferenceCreatedEventType as ConferenceCreatedEventType
from .conference_created_payload import ConferenceCreatedPayload as ConferenceCreatedPayload
from .conference_created_record_type import ConferenceCreatedRecordType as ConferenceCreatedRecordType
from .conference_end_reason import ConferenceEndReason as ConferenceEndReason
from .conference_ended import ConferenceEnded as ConferenceEnded
from .conference_ended_by import ConferenceEndedBy as ConferenceEndedBy
from .conference_ended_event import ConferenceEndedEvent as ConferenceEndedEvent
from .conference_ended_event_type import ConferenceEndedEventType as ConferenceEndedEventType
from .conference_ended_payload import ConferenceEndedPayload as ConferenceEndedPayload
from .conference_ended_payload_reason import ConferenceEndedPayloadReason as ConferenceEndedPayloadReason
from .conference_ended_record_type import ConferenceEndedRecordType as ConferenceEndedRecordType
from .conference_floor_changed import ConferenceFloorChanged as ConferenceFloorChanged
from .conference_floor_changed_event import ConferenceFloorChangedEvent as ConferenceFloorChangedEvent
from .conference_floor_changed_event_type import ConferenceFloorChangedEventType as ConferenceFloorChangedEventType
from .conference_floor_changed_payload import ConferenceFloorChangedPayload as ConferenceFloorChangedPayload
from .conference_floor_changed_record_type import ConferenceFloorChangedRecordType as ConferenceFloorChangedRecordType
from .conference_gather_using_audio_request import (
    ConferenceGatherUsingAudioRequest as ConferenceGatherUsingAudioRequest,
)
from .conference_hold_request import ConferenceHoldRequest as ConferenceHoldRequest
from .conference_mute_request import ConferenceMuteRequest as ConferenceMuteRequest
from .conference_participant import ConferenceParticipant as ConferenceParticipant
from .conference_participant_joined import ConferenceParticipantJoined as ConferenceParticipantJoined
from .conference_participant_joined_event import ConferenceParticipantJoinedEvent as ConferenceParticipantJoinedEvent
from .conference_participant_joined_event_type import (
    ConferenceParticipantJoinedEventType as ConferenceParticipantJoinedEventType,
)
from .conference_participant_joined_payload import (
    ConferenceParticipantJoinedPayload as ConferenceParticipantJoinedPayload,
)
from .conference_participant_joined_record_type import (
    ConferenceParticipantJoinedRecordType as ConferenceParticipantJoinedRecordType,
)
from .conference_participant_left import ConferenceParticipantLeft as ConferenceParticipantLeft
from .conference_participant_left_event import ConferenceParticipantLeftEvent as ConferenceParticipantLeftEvent
from .conference_participant_left_event_type import (
    ConferenceParticipantLeftEventType as ConferenceParticipantLeftEventType,
)
from .conference_participant_left_payload import ConferenceParticipantLeftPayload as ConferenceParticipantLeftPayload
from .conference_participant_left_record_type import (
    ConferenceParticipantLeftRecordType as ConferenceParticipantLeftRecordType,
)
from .conference_participant_playback_ended import (
    ConferenceParticipantPlaybackEnded as ConferenceParticipantPlaybackEnded,
)
from .conference_participant_playback_ended_event import (
    ConferenceParticipantPlaybackEndedEvent as ConferenceParticipantPlaybackEndedEvent,
)
from .conference_participant_playback_ended_event_type import (
    ConferenceParticipantPlaybackEndedEventType as ConferenceParticipantPlaybackEndedEventType,
)
from .conference_participant_playback_ended_payload import (
    ConferenceParticipantPlaybackEndedPayload as ConferenceParticipantPlaybackEndedPayload,
)
from .conference_participant_playback_ended_record_type import (
    ConferenceParticipantPlaybackEndedRecordType as ConferenceParticipantPlaybackEndedRecordType,
)
from .conference_participant_playback_started import (
    ConferenceParticipantPlaybackStarted as ConferenceParticipantPlaybackStarted,
)
from .conference_participant_playback_started_event import (
    ConferenceParticipantPlaybackStartedEvent as ConferenceParticipantPlaybackStartedEvent,
)
from .conference_participant_playback_started_event_type import (
    ConferenceParticipantPlaybackStartedEventType as ConferenceParticipantPlaybackStartedEventType,
)
from .conference_participant_playback_started_payload import (
    ConferenceParticipantPlaybackStartedPayload as ConferenceParticipantPlaybackStartedPayload,
)
from .conference_participant_playback_started_record_type import (
    ConferenceParticipantPlaybackStartedRecordType as ConferenceParticipantPlaybackStartedRecordType,
)
from .conference_participant_resource import ConferenceParticipantResource as ConferenceParticipantResource
from .conference_participant_speak_ended import ConferenceParticipantSpeakEnded as ConferenceParticipantSpeakEnded
from .conference_participant_speak_ended_event import (
    ConferenceParticipantSpeakEndedEvent as ConferenceParticipantSpeakEndedEvent,
)
from .conference_participant_speak_ended_event_type import (
    ConferenceParticipantSpeakEndedEventType as ConferenceParticipantSpeakEndedEventType,
)
from .conference_participant_speak_ended_payload import (
    ConferenceParticipantSpeakEndedPayload as ConferenceParticipantSpeakEndedPayload,
)
from .conference_participant_speak_ended_record_type import (
    ConferenceParticipantSpeakEndedRecordType as ConferenceParticipantSpeakEndedRecordType,
)
from .conference_participant_speak_started import ConferenceParticipantSpeakStarted as ConferenceParticipantSpeakStarted
from .conference_participant_speak_started_event import (
    ConferenceParticipantSpeakStartedEvent as ConferenceParticipantSpeakStartedEvent,
)
from .conference_participant_speak_started_event_type import (
    ConferenceParticipantSpeakStartedEventType as ConferenceParticipantSpeakStartedEventType,
)
from .conference_participant_speak_started_payload import (
    ConferenceParticipantSpeakStartedPayload as ConferenceParticipantSpeakStartedPayload,
)
from .conference_participant_speak_started_record_type import (
    ConferenceParticipantSpeakStartedRecordType as ConferenceParticipantSpeakStartedRecordType,
)
from .conference_participant_status import ConferenceParticipantStatus as ConferenceParticipantStatus
from .conference_play_request import ConferencePlayRequest as ConferencePlayRequest
from .conference_playback_ended import ConferencePlaybackEnded as ConferencePlaybackEnded
from .conference_playback_ended_event import ConferencePlaybackEndedEvent as ConferencePlaybackEndedEvent
from .conference_playback_ended_event_type import ConferencePlaybackEndedEventType as ConferencePlaybackEndedEventType
from .conference_playback_ended_payload import ConferencePlaybackEndedPayload as ConferencePlaybackEndedPayload
from .conference_playback_ended_record_type import (
    ConferencePlaybackEndedRecordType as ConferencePlaybackEndedRecordType,
)
from .conference_playback_started import ConferencePlaybackStarted as ConferencePlaybackStarted
from .conference_playback_started_event import ConferencePlaybackStartedEvent as ConferencePlaybackStartedEvent
from .conference_playback_started_event_type import (
    ConferencePlaybackStartedEventType as ConferencePlaybackStartedEventType,
)
from .conference_playback_started_payload import ConferencePlaybackStartedPayload as ConferencePlaybackStartedPayload
from .conference_playback_started_record_type import (
    ConferencePlaybackStartedRecordType as ConferencePlaybackStartedRecordType,
)
from .conference_record_type import ConferenceRecordType as ConferenceRecordType
from .conference_recording_saved import ConferenceRecordingSaved as ConferenceRecordingSaved
from .conference_recording_saved_event import ConferenceRecordingSavedEvent as ConferenceRecordingSavedEvent
from .conference_recording_saved_event_type import (
    ConferenceRecordingSavedEventType as ConferenceRecordingSavedEventType,
)
from .conference_recording_saved_payload import ConferenceRecordingSavedPayload as ConferenceRecordingSavedPayload
from .conference_recording_saved_payload_channels import (
    ConferenceRecordingSavedPayloadChannels as ConferenceRecordingSavedPayloadChannels,
)
from .conference_recording_saved_payload_format import (
    ConferenceRecordingSavedPayloadFormat as ConferenceRecordingSavedPayloadFormat,
)
from .conference_recording_saved_payload_public_recording_urls import (
    ConferenceRecordingSavedPayloadPublicRecordingUrls as ConferenceRecordingSavedPayloadPublicRecordingUrls,
)
from .conference_recording_saved_payload_recording_urls import (
    ConferenceRecordingSavedPayloadRecordingUrls as ConferenceRecordingSavedPayloadRecordingUrls,
)
from .conference_recording_saved_record_type import (
    ConferenceRecordingSavedRecordType as ConferenceRecordingSavedRecordType,
)
from .conference_region import ConferenceRegion as ConferenceRegion
from .conference_response import ConferenceResponse as ConferenceResponse
from .conference_send_dtmf_request import ConferenceSendDTMFRequest as ConferenceSendDTMFRequest
from .conference_speak_ended import ConferenceSpeakEnded as ConferenceSpeakEnded
from .conference_speak_ended_event import ConferenceSpeakEndedEvent as ConferenceSpeakEndedEvent
from .conference_speak_ended_event_type import ConferenceSpeakEndedEventType as ConferenceSpeakEndedEventType
from .conference_speak_ended_payload import ConferenceSpeakEndedPayload as ConferenceSpeakEndedPayload
from .conference_speak_ended_record_type import ConferenceSpeakEndedRecordType as ConferenceSpeakEndedRecordType
from .conference_speak_request import ConferenceSpeakRequest as ConferenceSpeakRequest
from .conference_speak_request_language import ConferenceSpeakRequestLanguage as ConferenceSpeakRequestLanguage
from .conference_speak_request_payload_type import (
    ConferenceSpeakRequestPayloadType as ConferenceSpeakRequestPayloadType,
)
from .conference_speak_started import ConferenceSpeakStarted as ConferenceSpeakStarted
from .conference_speak_started_event import ConferenceSpeakStartedEvent as ConferenceSpeakStartedEvent
from .conference_speak_started_event_type import ConferenceSpeakStartedEventType as ConferenceSpeakStartedEventType
from .conference_speak_started_payload import ConferenceSpeakStartedPayload as ConferenceSpeakStartedPayload
from .conference_speak_started_record_type import ConferenceSpeakStartedRecordType as ConferenceSpeakStartedRecordType
from .conference_status import ConferenceStatus as ConferenceStatus
from .conference_stop_request import ConferenceStopRequest as ConferenceStopRequest
from .conference_unhold_request import ConferenceUnholdRequest as ConferenceUnholdRequest
from .conference_unmute_request import ConferenceUnmuteRequest as ConferenceUnmuteRequest
from .create_conference_request import CreateConferenceRequest as CreateConferenceRequest
from .create_conference_request_beep_enabled import (
    CreateConferenceRequestBeepEnabled as CreateConferenceRequestBeepEnabled,
)
from .create_conference_request_region import CreateConferenceRequestRegion as CreateConferenceRequestRegion
from .eleven_labs_voice_settings import ElevenLabsVoiceSettings as ElevenLabsVoiceSettings
from .eleven_labs_voice_settings_type import ElevenLabsVoiceSettingsType as ElevenLabsVoiceSettingsType
from .end_conference_request import EndConferenceRequest as EndConferenceRequest
from .enqueue_request import EnqueueRequest as EnqueueRequest
from .inworld_voice_settings import InworldVoiceSettings as InworldVoiceSettings
from .inworld_voice_settings_delivery_mode import InworldVoiceSettingsDeliveryMode as InworldVoiceSettingsDeliveryMode
from .inworld_voice_settings_type import InworldVoiceSettingsType as InworldVoiceSettingsType
from .join_conference_request import JoinConferenceRequest as JoinConferenceRequest
from .join_conference_request_beep_enabled import JoinConferenceRequestBeepEnabled as JoinConferenceRequestBeepEnabled
from .join_conference_request_supervisor_role import (
    JoinConferenceRequestSupervisorRole as JoinConferenceRequestSupervisorRole,
)
from .leave_conference_request import LeaveConferenceRequest as LeaveConferenceRequest
from .leave_conference_request_beep_enabled import (
    LeaveConferenceRequestBeepEnabled as LeaveConferenceRequestBeepEnabled,
)
from .leave_queue_request import LeaveQueueRequest as LeaveQueueRequest
from .list_conference_participants_filter import ListConferenceParticipantsFilter as ListConferenceParticipantsFilter
from .list_conference_participants_page import ListConferenceParticipantsPage as ListConferenceParticipantsPage
from .list_conference_participants_region import ListConferenceParticipantsRegion as ListConferenceParticipantsRegion
from .list_conferences_filter import ListConferencesFilter as ListConferencesFilter
from .list_conferences_filter_application_name import (
    ListConferencesFilterApplicationName as ListConferencesFilterApplicationName,
)
from .list_conferences_filter_occurred_at import ListConferencesFilterOccurredAt as ListConferencesFilterOccurredAt
from .list_conferences_filter_product import ListConferencesFilterProduct as ListConferencesFilterProduct
from .list_conferences_filter_status import ListConferencesFilterStatus as ListConferencesFilterStatus
from .list_conferences_filter_type import ListConferencesFilterType as ListConferencesFilterType
from .list_conferences_page import ListConferencesPage as ListConferencesPage
from .list_conferences_region import ListConferencesRegion as ListConferencesRegion
from .list_conferences_response import ListConferencesResponse as ListConferencesResponse
from .list_participants_response import ListParticipantsResponse as ListParticipantsResponse
from .minimax_voice_settings import MinimaxVoiceSettings as MinimaxVoiceSettings
from .minimax_voice_settings_language_boost_type_1 import (
    MinimaxVoiceSettingsLanguageBoostType1 as MinimaxVoiceSettingsLanguageBoostType1,
)
from .minimax_voice_settings_language_boost_type_2_type_1 import (
    MinimaxVoiceSettingsLanguageBoostType2Type1 as MinimaxVoiceSettingsLanguageBoostType2Type1,
)
from .minimax_voice_settings_language_boost_type_3_type_1 import (
    MinimaxVoiceSettingsLanguageBoostType3Type1 as MinimaxVoiceSettingsLanguageBoostType3Type1,
)
from .minimax_voice_settings_type import MinimaxVoiceSettingsType as MinimaxVoiceSettingsType
from .pagination_meta import PaginationMeta as PaginationMeta
from .participant import Participant as Participant
from .participant_conference import ParticipantConference as ParticipantConference
from .participant_record_type import ParticipantRecordType as ParticipantRecordType
from .participant_status import ParticipantStatus as ParticipantStatus
from .pause_recording_request import PauseRecordingRequest as PauseRecordingRequest
from .resemble_sample_rate import ResembleSampleRate as ResembleSampleRate
from .resemble_voice_settings import ResembleVoiceSettings as ResembleVoiceSettings
from .resemble_voice_settings_format import ResembleVoiceSettingsFormat as ResembleVoiceSettingsFormat
from .resemble_voice_settings_precision import ResembleVoiceSettingsPrecision as ResembleVoiceSettingsPrecision
from .resemble_voice_settings_type import ResembleVoiceSettingsType as ResembleVoiceSettingsType
from .resume_conference_recording_request import ResumeConferenceRecordingRequest as ResumeConferenceRecordingRequest
from .retrieve_conference_region import RetrieveConferenceRegion as RetrieveConferenceRegion
from .rime_voice_settings import RimeVoiceSettings as RimeVoiceSettings
from .rime_voice_settings_type import RimeVoiceSettingsType as RimeVoiceSettingsType
from .start_conference_recording_request import StartConferenceRecordingRequest as StartConferenceRecordingRequest
from .start_conference_recording_request_channels import (
    StartConferenceRecordingRequestChannels as StartConferenceRecordingRequestChannels,
)
from .start_conference_recording_request_format import (
    StartConferenceRecordingRequestFormat as StartConferenceRecordingRequestFormat,
)
from .start_conference_recording_request_trim import (
    StartConferenceRecordingRequestTrim as StartConferenceRecordingRequestTrim,
)
from .stop_recording_request import StopRecordingRequest as StopRecordingRequest
from .telnyx_voice_settings import TelnyxVoiceSettings as TelnyxVoiceSettings
from .telnyx_voice_settings_type import TelnyxVoiceSettingsType as TelnyxVoiceSettingsType
from .update_conference_participant_request import (
    UpdateConferenceParticipantRequest as UpdateConferenceParticipantRequest,
)
from .update_conference_participant_request_beep_enabled import (
    UpdateConferenceParticipantRequestBeepEnabled as UpdateConferenceParticipantRequestBeepEnabled,
)
from .update_conference_request import UpdateConferenceRequest as UpdateConferenceRequest
from .update_conference_request_supervisor_role import (
    UpdateConferenceRequestSupervisorRole as UpdateConferenceRequestSupervisorRole,
)
from .xai_voice_settings import XAIVoiceSettings as XAIVoiceSettings
from .xai_voice_settings_type import XAIVoiceSettingsType as XAIVoiceSettingsType

__all__ = [
    "AWSVoiceSettings",
    "AWSVoiceSettingsType",
    "AzureVoiceSettings",
    "AzureVoiceSettingsEffect",
    "AzureVoiceSettingsGender",
    "AzureVoiceSettingsType",
    "CallControlCommandResponse",
    "CallControlCommandResult",
    "CallControlError",
    "CallControlErrorMeta",
    "CallControlErrors",
    "CallControlErrorSource",
    "CallEnqueued",
    "CallEnqueuedEvent",
    "CallEnqueuedEventType",
    "CallEnqueuedPayload",
    "CallEnqueuedRecordType",
    "CallLeftQueue",
    "CallLeftQueueEvent",
    "CallLeftQueueEventType",
    "CallLeftQueuePayload",
    "CallLeftQueuePayloadReason",
    "CallLeftQueueRecordType",
    "Conference",
    "ConferenceCommandResponse",
    "ConferenceCommandResult",
    "ConferenceCreated",
    "ConferenceCreatedEvent",
    "ConferenceCreatedEventType",
    "ConferenceCreatedPayload",
    "ConferenceCreatedRecordType",
    "ConferenceEnded",
    "ConferenceEndedBy",
    "ConferenceEndedEvent",
    "ConferenceEndedEventType",
    "ConferenceEndedPayload",
    "ConferenceEndedPayloadReason",
    "ConferenceEndedRecordType",
    "ConferenceEndReason",
    "ConferenceFloorChanged",
    "ConferenceFloorChangedEvent",
    "ConferenceFloorChangedEventType",
    "ConferenceFloorChangedPayload",
    "ConferenceFloorChangedRecordType",
    "ConferenceGatherUsingAudioRequest",
    "ConferenceHoldRequest",
    "ConferenceMuteRequest",
    "ConferenceParticipant",
    "ConferenceParticipantJoined",
    "ConferenceParticipantJoinedEvent",
    "ConferenceParticipantJoinedEventType",
    "ConferenceParticipantJoinedPayload",
    "ConferenceParticipantJoinedRecordType",
    "ConferenceParticipantLeft",
    "ConferenceParticipantLeftEvent",
    "ConferenceParticipantLeftEventType",
    "ConferenceParticipantLeftPayload",
    "ConferenceParticipantLeftRecordType",
    "ConferenceParticipantPlaybackEnded",
    "ConferenceParticipantPlaybackEndedEvent",
    "ConferenceParticipantPlaybackEndedEventType",
    "ConferenceParticipantPlaybackEndedPayload",
    "ConferenceParticipantPlaybackEndedRecordType",
    "ConferenceParticipantPlaybackStarted",
    "ConferenceParticipantPlaybackStartedEvent",
    "ConferenceParticipantPlaybackStartedEventType",
    "ConferenceParticipantPlaybackStartedPayload",
    "ConferenceParticipantPlaybackStartedRecordType",
    "ConferenceParticipantResource",
    "ConferenceParticipantSpeakEnded",
    "ConferenceParticipantSpeakEndedEvent",
    "ConferenceParticipantSpeakEndedEventType",
    "ConferenceParticipantSpeakEndedPayload",
    "ConferenceParticipantSpeakEndedRecordType",
    "ConferenceParticipantSpeakStarted",
    "ConferenceParticipantSpeakStartedEvent",
    "ConferenceParticipantSpeakStartedEventType",
    "ConferenceParticipantSpeakStartedPayload",
    "ConferenceParticipantSpeakStartedRecordType",
    "ConferenceParticipantStatus",
    "ConferencePlaybackEnded",
    "ConferencePlaybackEndedEvent",
    "ConferencePlaybackEndedEventType",
    "ConferencePlaybackEndedPayload",
    "ConferencePlaybackEndedRecordType",
    "ConferencePlaybackStarted",
    "ConferencePlaybackStartedEvent",
    "ConferencePlaybackStartedEventType",
    "ConferencePlaybackStartedPayload",
    "ConferencePlaybackStartedRecordType",
    "ConferencePlayRequest",
    "ConferenceRecordingSaved",
    "ConferenceRecordingSavedEvent",
    "ConferenceRecordingSavedEventType",
    "ConferenceRecordingSavedPayload",
    "ConferenceRecordingSavedPayloadChannels",
    "ConferenceRecordingSavedPayloadFormat",
    "ConferenceRecordingSavedPayloadPublicRecordingUrls",
    "ConferenceRecordingSavedPayloadRecordingUrls",
    "ConferenceRecordingSavedRecordType",
    "ConferenceRecordType",
    "ConferenceRegion",
    "ConferenceResponse",
    "ConferenceSendDTMFRequest",
    "ConferenceSpeakEnded",
    "ConferenceSpeakEndedEvent",
    "ConferenceSpeakEndedEventType",
    "ConferenceSpeakEndedPayload",
    "ConferenceSpeakEndedRecordType",
    "ConferenceSpeakRequest",
    "ConferenceSpeakRequestLanguage",
    "ConferenceSpeakRequestPayloadType",
    "ConferenceSpeakStarted",
    "ConferenceSpeakStartedEvent",
    "ConferenceSpeakStartedEventType",
    "ConferenceSpeakStartedPayload",
    "ConferenceSpeakStartedRecordType",
    "ConferenceStatus",
    "ConferenceStopRequest",
    "ConferenceUnholdRequest",
    "ConferenceUnmuteRequest",
    "CreateConferenceRequest",
    "CreateConferenceRequestBeepEnabled",
    "CreateConferenceRequestRegion",
    "ElevenLabsVoiceSettings",
    "ElevenLabsVoiceSettingsType",
    "EndConferenceRequest",
    "EnqueueRequest",
    "InworldVoiceSettings",
    "InworldVoiceSettingsDeliveryMode",
    "InworldVoiceSettingsType",
    "JoinConferenceRequest",
    "JoinConferenceRequestBeepEnabled",
    "JoinConferenceRequestSupervisorRole",
    "LeaveConferenceRequest",
    "LeaveConferenceRequestBeepEnabled",
    "LeaveQueueRequest",
    "ListConferenceParticipantsFilter",
    "ListConferenceParticipantsPage",
    "ListConferenceParticipantsRegion",
    "ListConferencesFilter",
    "ListConferencesFilterApplicationName",
    "ListConferencesFilterOccurredAt",
    "ListConferencesFilterProduct",
    "ListConferencesFilterStatus",
    "ListConferencesFilterType",
    "ListConferencesPage",
    "ListConferencesRegion",
    "ListConferencesResponse",
    "ListParticipantsResponse",
    "MinimaxVoiceSettings",
    "MinimaxVoiceSettingsLanguageBoostType1",
    "MinimaxVoiceSettingsLanguageBoostType2Type1",
    "MinimaxVoiceSettingsLanguageBoostType3Type1",
    "MinimaxVoiceSettingsType",
    "PaginationMeta",
    "Participant",
    "ParticipantConference",
    "ParticipantRecordType",
    "ParticipantStatus",
    "PauseRecordingRequest",
    "ResembleSampleRate",
    "ResembleVoiceSettings",
    "ResembleVoiceSettingsFormat",
    "ResembleVoiceSettingsPrecision",
    "ResembleVoiceSettingsType",
    "ResumeConferenceRecordingRequest",
    "RetrieveConferenceRegion",
    "RimeVoiceSettings",
    "RimeVoiceSettingsType",
    "StartConferenceRecordingRequest",
    "StartConferenceRecordingRequestChannels",
    "StartConferenceRecordingRequestFormat",
    "StartConferenceRecordingRequestTrim",
    "StopRecordingRequest",
    "TelnyxVoiceSettings",
    "TelnyxVoiceSettingsType",
    "UpdateConferenceParticipantRequest",
    "UpdateConferenceParticipantRequestBeepEnabled",
    "UpdateConferenceRequest",
    "UpdateConferenceRequestSupervisorRole",
    "XAIVoiceSettings",
    "XAIVoiceSettingsType",
]
