export interface CarrierCodesProps {
  /** The textback number calls are forwarded to, in E.164. */
  textbackNumber: string;
}

const codes = [
  { when: 'When you don’t answer', template: '**61*NUMBER#' },
  { when: 'When your line is busy', template: '**67*NUMBER#' },
  { when: 'When your phone is off or has no signal', template: '**62*NUMBER#' },
  { when: 'All three at once', template: '**004*NUMBER#' },
] as const;

/**
 * The GSM conditional-forwarding codes with the textback number filled in. Each is a `tel:`
 * link, so an owner reading this on the business phone can tap it to dial.
 */
export function CarrierCodes({ textbackNumber }: CarrierCodesProps) {
  return (
    <div className="carrier-codes">
      <table>
        <tbody>
          {codes.map((code) => {
            const dialed = code.template.replace('NUMBER', textbackNumber);
            return (
              <tr key={code.template}>
                <th scope="row">{code.when}</th>
                <td>
                  <a className="carrier-code" href={`tel:${encodeURIComponent(dialed)}`}>
                    {dialed}
                  </a>
                </td>
              </tr>
            );
          })}
          <tr>
            <th scope="row">Undo all three</th>
            <td>
              <a className="carrier-code" href={`tel:${encodeURIComponent('##004#')}`}>
                ##004#
              </a>
            </td>
          </tr>
        </tbody>
      </table>
      <p className="settings-help">
        Dial a code from the business phone and press Call; the phone shows whether the carrier
        accepted it. Many mobile carriers (GSM networks) use these codes. Others, and most
        landline and internet phone providers, use their own codes or a setting in their app, so
        check with your carrier. To ring longer before forwarding, add the seconds before the
        last <code>#</code> where the carrier supports it, for example{' '}
        <code>**61*{textbackNumber}**20#</code> (5 to 30 s).
      </p>
    </div>
  );
}
