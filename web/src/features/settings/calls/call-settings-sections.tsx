import type { CallSettingsProps } from './call-settings-props.ts';
import { CallScreeningSection } from './call-screening-section.tsx';
import { ConnectionModeSection } from './connection-mode-section.tsx';
import { LandlinesSection } from './landlines-section.tsx';
import { ShortCallsSection } from './short-calls-section.tsx';
import { StopConfirmationSection } from './stop-confirmation-section.tsx';
import { useDraftWarnings } from './use-draft-warnings.ts';
import { VoicemailSection } from './voicemail-section.tsx';
import './call-settings.css';

/**
 * Every call-handling section of the settings page, with the server's warnings for the draft
 * shown beside the fields they concern.
 */
export function CallSettingsSections(props: CallSettingsProps) {
  const warnings = useDraftWarnings(props.draft, props.warnings);
  const sectionProps = { draft: props.draft, update: props.update, warnings, isDisabled: props.isDisabled };
  return (
    <>
      <ConnectionModeSection {...props} warnings={warnings} />
      <VoicemailSection {...sectionProps} />
      <CallScreeningSection {...sectionProps} />
      <ShortCallsSection {...sectionProps} />
      <LandlinesSection {...sectionProps} />
      <StopConfirmationSection {...sectionProps} setup={props.setup} />
    </>
  );
}
