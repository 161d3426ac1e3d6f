//! `/facilitate/workshops/:id/facilitators`: who runs the workshop, and the owner's
//! invitations.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

use super::super::{
    workshop_facilitators, InviteCofacilitator, RemoveCofacilitator, Role, TeamMember,
    WorkshopStaff,
};
use crate::i18n::{use_lang, Key, Lang};
use crate::ui::ErrorNotice;
use crate::ui::FieldError;
use crate::workshop::{load_for, workshop_param, StaffNav, StaffTab};

/// The list for every facilitator of the workshop; the invitation form and the remove
/// buttons for its owner only (the server checks again).
#[component]
pub fn FacilitatorsPage() -> impl IntoView {
    let lang = use_lang();
    let id = workshop_param();
    let invite = ServerAction::<InviteCofacilitator>::new();
    let remove = ServerAction::<RemoveCofacilitator>::new();
    let data = Resource::new(
        move || (id.get(), invite.version().get(), remove.version().get()),
        |(id, _, _)| load_for(id, workshop_facilitators),
    );
    view! {
        <section class="page">
            <Transition fallback=move || view! { <p>{lang.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(staff) => view! { <Facilitators staff invite remove /> }.into_any(),
                        Err(error) => view! {
                            <Title text=lang.t(Key::StaffTabFacilitators) />
                            <ErrorNotice error />
                        }
                            .into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Facilitators(
    staff: WorkshopStaff,
    invite: ServerAction<InviteCofacilitator>,
    remove: ServerAction<RemoveCofacilitator>,
) -> impl IntoView {
    let lang = use_lang();
    let is_owner = staff.my_role == Role::Owner;
    let workshop = staff.workshop;
    let remove_error = Signal::derive(move || remove.value().get().and_then(Result::err));
    let rows = staff
        .members
        .iter()
        .cloned()
        .map(|member| {
            member_row(
                lang,
                member,
                staff.me,
                is_owner,
                workshop.to_string(),
                remove,
            )
        })
        .collect_view();
    view! {
        <StaffNav workshop title=staff.title.clone() current=StaffTab::Facilitators />
        <p class="lead">{lang.t(Key::FacilitatorsIntro)}</p>
        <FieldError error=remove_error field="" />
        <div class="table-scroll">
            <table class="data-table facilitators-table">
                <caption class="visually-hidden">{lang.t(Key::StaffTabFacilitators)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Key::FacilitatorsName)}</th>
                        <th scope="col">{lang.t(Key::FacilitatorsEmail)}</th>
                        <th scope="col">{lang.t(Key::FacilitatorsRole)}</th>
                        {is_owner.then(|| view! {
                            <th scope="col"><span class="visually-hidden">{lang.t(Key::FacilitatorsActions)}</span></th>
                        })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {if is_owner {
            view! { <InviteForm workshop=workshop.to_string() invite /> }.into_any()
        } else {
            view! { <p class="hint">{lang.t(Key::FacilitatorsOwnerOnly)}</p> }.into_any()
        }}
    }
}

fn member_row(
    lang: Lang,
    member: TeamMember,
    me: crate::ids::FacilitatorId,
    is_owner: bool,
    workshop: String,
    remove: ServerAction<RemoveCofacilitator>,
) -> impl IntoView {
    let role = match member.role {
        Role::Owner => lang.t(Key::RoleOwner),
        Role::CoFacilitator => lang.t(Key::RoleCoFacilitator),
    };
    let you = (member.id == me).then(|| format!(" {}", lang.t(Key::FacilitatorsYou)));
    // Only co-facilitators can be removed, and only the owner sees the button.
    let action_cell = is_owner.then(|| {
        let button = (member.role == Role::CoFacilitator).then(|| {
            let label = format!("{} {}", lang.t(Key::FacilitatorsRemove), member.name);
            view! {
                <ActionForm action=remove>
                    <input type="hidden" name="workshop" value=workshop />
                    <input type="hidden" name="facilitator" value=member.id.to_string() />
                    <button type="submit" class="button secondary small" aria-label=label>
                        {lang.t(Key::FacilitatorsRemove)}
                    </button>
                </ActionForm>
            }
        });
        view! { <td>{button}</td> }
    });
    view! {
        <tr>
            <td>{member.name}{you}</td>
            <td class="email">{member.email}</td>
            <td>{role}</td>
            {action_cell}
        </tr>
    }
}

#[component]
fn InviteForm(workshop: String, invite: ServerAction<InviteCofacilitator>) -> impl IntoView {
    let lang = use_lang();
    let error = Signal::derive(move || invite.value().get().and_then(Result::err));
    let invalid = move || error.get().is_some().then_some("true");
    view! {
        <h2>{lang.t(Key::FacilitatorsInviteTitle)}</h2>
        <ActionForm action=invite>
            <div class="stack">
                <input type="hidden" name="workshop" value=workshop />
                <label for="invite-email">{lang.t(Key::LoginEmail)}</label>
                <p class="hint" id="invite-email-hint">{lang.t(Key::FacilitatorsInviteHint)}</p>
                <input
                    id="invite-email"
                    name="email"
                    type="email"
                    required
                    maxlength="254"
                    autocomplete="off"
                    inputmode="email"
                    autocapitalize="none"
                    spellcheck="false"
                    aria-describedby="invite-email-hint"
                    aria-invalid=invalid
                />
                <FieldError error field="email" />
                <FieldError error field="" />
                <button type="submit" class="button">{lang.t(Key::FacilitatorsInviteSubmit)}</button>
            </div>
        </ActionForm>
    }
}
